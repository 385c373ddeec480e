import type { NewAuditEntry } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/action";

type Change = Omit<NewAuditEntry, "actorId" | "actorEmail" | "actorRole" | "ip" | "userAgent" | "id" | "at">;

/** An audit entry made by the signed-in user of an action, from their address. */
export function byActor(ctx: Pick<ActionContext, "user" | "ip" | "userAgent">, change: Change): NewAuditEntry {
  return {
    ...change,
    actorId: ctx.user.id,
    actorEmail: ctx.user.email,
    actorRole: ctx.user.role,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
}

import { requireRole } from "@/lib/auth/session";
import { authOrigin } from "@/lib/auth/public-url";
import { beginConfirmation, ssoClient } from "@/lib/dual-control/sso-confirm";
import { flowCookie, sealFlow } from "@/lib/dual-control/sso-flow-cookie";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { log } from "@/lib/log";
import { route } from "@/lib/route";
import { ssoConfirmStartSchema } from "@/lib/validations/second-signer";

export const dynamic = "force-dynamic";

/**
 * Opened in a popup by a dual-control form: starts the second person's re-authentication at the
 * bank's identity provider for the signed-in manager's step (lib/dual-control/sso-confirm.ts).
 * Who asks and for which branch come from the session, never from the browser.
 */
export const GET = route("dualControl.sso.start", async (request: Request) => {
  const user = await requireRole(["manager"], { surface: "route" });
  if (!user.branchId) throw new AppError("forbidden:branch");
  if (!ssoClient()) throw new AppError("not_found:route", { message: msg("Errors.ssoOff") });
  const query = ssoConfirmStartSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("bad_request:route");
  const origin = authOrigin(request.headers);
  const { url, flow } = await beginConfirmation({
    actorId: user.id,
    branchId: user.branchId,
    step: query.data.step,
    hint: query.data.hint,
    origin,
  });
  log.info({ event: "second_signer_sso_started", actorId: user.id, branchId: user.branchId }, "SSO confirmation");
  return new Response(null, {
    status: 303,
    headers: {
      location: url.href,
      "set-cookie": flowCookie(await sealFlow(flow), origin),
      "cache-control": "no-store",
    },
  });
});

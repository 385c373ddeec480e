import "server-only";
import { headers } from "next/headers";

/** Client address as seen by the bank's reverse proxy (first X-Forwarded-For hop). */
export function clientAddress(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: (h.get("user-agent") ?? "").slice(0, 300) };
}

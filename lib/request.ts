import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { forwardedClientAddress } from "@/lib/http/client-address";

/**
 * The client's address: the socket's peer (appended to X-Forwarded-For by
 * lib/http/server-limits.ts), or the address the outermost of TRUSTED_PROXY_HOPS proxies saw.
 */
export function clientAddress(h: Headers, trustedHops: number = env.TRUSTED_PROXY_HOPS): string {
  return forwardedClientAddress(h.get("x-forwarded-for"), trustedHops);
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: (h.get("user-agent") ?? "").slice(0, 300) };
}

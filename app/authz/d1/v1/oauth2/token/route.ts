import { issueD1Token } from "@/lib/notifications/issue-token";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * Our OAuth 2.0 token endpoint for D1 (E6): client credentials, HTTP Basic. Off (404) when D1
 * authenticates by mutual TLS alone (D1_NOTIFY_AUTH=mtls).
 */
export const POST = route("d1.token", (request: Request) => issueD1Token(request), { audience: "machine" });

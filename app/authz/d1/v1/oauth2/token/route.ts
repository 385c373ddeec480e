import { issueD1Token } from "@/lib/notifications/issue-token";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** Our OAuth 2.0 token endpoint for D1 (E6): client credentials, HTTP Basic. */
export const POST = route("d1.token", issueD1Token);

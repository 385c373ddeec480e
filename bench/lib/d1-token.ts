// The bearer token D1 (here: the benchmark) gets at our token endpoint for its notifications.
import { SIM_NOTIFY_CLIENT_ID } from "../../scripts/lib/simulator.ts";
import { NOTIFY_SECRET } from "./stack";

export async function notifyToken(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/authz/d1/v1/oauth2/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${SIM_NOTIFY_CLIENT_ID}:${NOTIFY_SECRET}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export const notifyPath = (issuerId = "ISSUER0001") => `/notifications/d1/v2/issuers/${issuerId}/cards`;

// Signing in over HTTP the way a browser does through Auth.js: fetch the CSRF token (and its
// cookie), post the credentials, keep the session cookie.
import { DEMO_PASSWORD } from "../../db/seed-data.ts";

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map(cookiePair);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.join("; "),
      "x-auth-return-redirect": "1",
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }).toString(),
  });
  await response.arrayBuffer();
  const session = response.headers
    .getSetCookie()
    .map(cookiePair)
    .find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  return session;
}

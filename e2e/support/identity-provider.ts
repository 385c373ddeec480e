// A real OpenID Connect provider for the single sign-on journeys: panva's oidc-provider over
// HTTPS with a certificate from the dev CA (sim/pki.ts), a handful of fixed accounts, its own
// dev login form, and RP-initiated logout. Started by e2e/serve.ts; never imported by the app.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { ensureDevPki } from "../../sim/pki.ts";
import { SIM_ISSUER_ID } from "../../scripts/lib/simulator.ts";
import { OIDC_PORT } from "./config.ts";
import { OIDC_ISSUER, SSO_ACCOUNTS, SSO_PROVIDER_NAME, type SsoClaims } from "./sso-accounts.ts";

const CLIENT_ID = "bii-e2e";

function accountFor(id: string) {
  const claims = (SSO_ACCOUNTS as Record<string, SsoClaims>)[id];
  if (!claims) return undefined;
  return { accountId: id, claims: () => ({ sub: id, email_verified: true, ...claims }) };
}

/** First-party client: grant the requested scopes without a consent screen (oidc-provider's recipe). */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { client, session, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  if (grantId) return provider.Grant.find(grantId);
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope("openid email profile");
  await grant.save();
  return grant;
}

export type TestIdentityProvider = { appEnv: Record<string, string>; stop: () => Promise<void> };

/**
 * Starts the provider for an app at `appUrl`, with TLS from the dev PKI in `pkiDir` (the same
 * folder the simulator uses). `appEnv` holds the app's SSO settings and the CA it must trust.
 */
export async function startTestIdentityProvider(options: {
  pkiDir: string;
  appUrl: string;
}): Promise<TestIdentityProvider> {
  const pki = await ensureDevPki({ dir: options.pkiDir, issuerId: SIM_ISSUER_ID });
  const clientSecret = randomBytes(24).toString("base64url");
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        // Sign-in (Auth.js) and the second person's confirmation of a dual-control step, which
        // sends prompt=login and max_age=0 (the provider then asks for the login again and puts
        // auth_time in the ID token, as oidc-provider does by default).
        redirect_uris: [`${options.appUrl}/api/auth/callback/oidc`, `${options.appUrl}/api/dual-control/sso/callback`],
        post_logout_redirect_uris: [`${options.appUrl}/login`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "e2e" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    // Custom claims in the ID token, as Entra ID, Keycloak and others can be set up to send.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "role", "branch", "groups"] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => accountFor(id),
    loadExistingGrant,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  };
  const provider = new Provider(OIDC_ISSUER, configuration);
  const handle = provider.callback();
  const server = createServer(
    { cert: readFileSync(pki.simServer.certPath), key: readFileSync(pki.simServer.keyPath) },
    (request, response) => void handle(request, response),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(OIDC_PORT, "127.0.0.1", () => resolve());
  });
  return {
    appEnv: {
      AUTH_OIDC_ISSUER: OIDC_ISSUER,
      AUTH_OIDC_CLIENT_ID: CLIENT_ID,
      AUTH_OIDC_CLIENT_SECRET: clientSecret,
      AUTH_OIDC_NAME: SSO_PROVIDER_NAME,
      // Node's fetch in the app trusts the dev CA, as a bank's app would trust its own CA.
      NODE_EXTRA_CA_CERTS: pki.ca.certPath,
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

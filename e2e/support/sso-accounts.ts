// The test identity provider's address and users, shared by its starter (identity-provider.ts)
// and the specs, which must not load oidc-provider itself.
import { OIDC_PORT } from "./config.ts";

export type SsoClaims = { email: string; name: string; role?: string; branch?: string; groups?: string[] };

export const OIDC_ISSUER = `https://127.0.0.1:${OIDC_PORT}`;
export const SSO_PROVIDER_NAME = "Test IdP";
/** The IdP's users, by the login typed into its form. E-mail addresses are not in the seed. */
export const SSO_ACCOUNTS = {
  teller: { email: "sso.teller@bank.example", name: "Sam Single", role: "teller", branch: "BR001" },
  // A manager of the same branch: starts dual-control steps that a second person confirms by SSO.
  manager: { email: "sso.manager@bank.example", name: "Mona Single", role: "manager", branch: "BR001" },
  // Signs in, but the bank forgot to give them a role: refused with a clear message.
  noRole: { email: "sso.norole@bank.example", name: "Nora Nobody", branch: "BR001" },
  // A role but a branch code the app does not know.
  noBranch: { email: "sso.nobranch@bank.example", name: "Nils Nowhere", role: "teller", branch: "BR999" },
  // Only a group, as most IdPs send it: a role only through the admin's group mapping.
  grouped: {
    email: "sso.grouped@bank.example",
    name: "Greta Group",
    branch: "BR001",
    groups: ["BII-Tellers", "All-Staff"],
  },
} satisfies Record<string, SsoClaims>;

export type SsoLogin = keyof typeof SSO_ACCOUNTS;

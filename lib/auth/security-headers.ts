// Response security headers. The static ones are set for every response by next.config.mjs;
// pages get a Content Security Policy with a fresh nonce from proxy.ts, which Next.js reads from
// the request's CSP header and puts on its own scripts. Imported by next.config.mjs, so it must
// stay free of path aliases and non-erasable TypeScript syntax (like lib/env.ts).

/** Two years, subdomains included: browsers then refuse plain HTTP to the bank's host. */
export const HSTS = "max-age=63072000; includeSubDomains";

export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "Strict-Transport-Security", value: HSTS },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * The second person's single sign-on confirmation runs in a popup that leaves for the identity
 * provider and comes back (lib/dual-control/sso-confirm.ts); its last page tells the form through
 * window.opener. Browsers cut that link when a navigation crosses opener policies, so the pages
 * with dual-control forms let their own popups keep it ("same-origin-allow-popups": still no
 * foreign opener can reach them), and the popup's own routes and page opt out (the provider's
 * pages send no policy either). Both lists are matched by next.config.mjs after the rule above.
 */
export const POPUP_OPENER_PATHS: readonly string[] = ["/manager/:path*"];
export const POPUP_PATHS: readonly string[] = ["/api/dual-control/sso/:path*", "/second-signer"];

/** API and D1 responses are data, never documents: nothing may run, load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Uploaded card faces: the API policy plus `sandbox`, so that an image opened on its own (or an
 * upload that slipped past the type sniffing) can never run as a document of our origin.
 */
export const CARD_FACE_CSP = `${API_CSP}; sandbox`;

/** 128 random bits, base64: unguessable and different on every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type PageCspOptions = {
  /** React's development build needs eval for its debugging features. */
  dev?: boolean;
  /** Origins a form may post to besides ours (the bank's SSO, whose sign-in starts with a form). */
  formActionOrigins?: readonly string[];
};

/**
 * The pages' policy: scripts only with this request's nonce ('strict-dynamic' lets them load
 * Next.js's chunks), styles from our origin or with the nonce, style attributes allowed (charts
 * size their bars with them; they cannot run code), no plugins, no framing, no foreign forms.
 */
export function pageCsp(nonce: string, options: PageCspOptions = {}): string {
  const formAction = ["'self'", ...(options.formActionOrigins ?? [])].join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The nonce of a page policy, for tests and for server components that render scripts. */
export function nonceOf(csp: string | null | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1] ?? null;
}

// E6 client: D1 asking the issuer's own OAuth server for a token before notifying (D1 §11).
// HTTP Basic clientId:clientSecret, form body grant_type=client_credentials; the token is
// reused until shortly before it expires and dropped when the issuer answers 401.
import { request, type Dispatcher } from "undici";

export interface IssuerTokenConfig {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

/** A token failure; `retryable` is false for a 4xx (wrong credentials will not fix themselves). */
export class IssuerTokenError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export class IssuerTokenClient {
  private cached: { token: string; refreshAt: number } | undefined;
  fetches = 0;

  constructor(
    private readonly config: IssuerTokenConfig,
    private readonly dispatcher: Dispatcher,
    private readonly timeoutMs: number,
  ) {}

  invalidate(): void {
    this.cached = undefined;
  }

  async get(): Promise<string> {
    if (this.cached && Date.now() < this.cached.refreshAt) return this.cached.token;
    this.fetches++;
    const { clientId, clientSecret, scope, tokenUrl } = this.config;
    // RFC 6749 §2.3.1: form-encode the credentials before base64.
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64");
    const form = new URLSearchParams({ grant_type: "client_credentials", ...(scope ? { scope } : {}) });
    let status: number;
    let text: string;
    try {
      const res = await request(tokenUrl, {
        method: "POST",
        headers: {
          authorization: `Basic ${basic}`,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: form.toString(),
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      throw new IssuerTokenError(`token endpoint unreachable: ${(err as Error).name}`, true);
    }
    if (status >= 500 || status === 429) throw new IssuerTokenError(`token endpoint answered ${status}`, true);
    if (status !== 200) throw new IssuerTokenError(`token endpoint refused: ${status}`, false);
    let body: { access_token?: unknown; token_type?: unknown; expires_in?: unknown; expires_at?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new IssuerTokenError("token response is not JSON", true);
    }
    if (typeof body.access_token !== "string" || body.access_token === "") {
      throw new IssuerTokenError("token response has no access_token", false);
    }
    if (typeof body.token_type === "string" && body.token_type.toLowerCase() !== "bearer") {
      throw new IssuerTokenError(`unsupported token_type ${body.token_type}`, false);
    }
    this.cached = { token: body.access_token, refreshAt: Date.now() + usableMs(body.expires_in, body.expires_at) };
    return body.access_token;
  }
}

/** expires_in may be a string ("900") or a number (§11); expires_at an ISO time. */
function usableMs(expiresIn: unknown, expiresAt: unknown): number {
  let lifetimeMs = 300_000; // neither given: assume 5 minutes
  const seconds = typeof expiresIn === "string" ? Number(expiresIn) : expiresIn;
  if (typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0) lifetimeMs = seconds * 1000;
  else if (typeof expiresAt === "string" && Number.isFinite(Date.parse(expiresAt)))
    lifetimeMs = Date.parse(expiresAt) - Date.now();
  // Refresh a little early so a token never expires in flight.
  return Math.max(0, lifetimeMs - Math.min(30_000, lifetimeMs / 10));
}

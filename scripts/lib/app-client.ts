// What a browser does against the running app, over plain HTTP: sign in through Auth.js,
// call a server action by its id from the build's manifest, and follow the branch event stream
// like EventSource does (reconnect with Last-Event-ID after the server ends the stream or
// becomes unreachable).
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./local.ts";

/** Keeps the cookies a response sets, as `name=value` pairs for the next request. */
function mergeCookies(jar: Map<string, string>, res: Response): void {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (!pair || eq < 1) continue;
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in with e-mail and password; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  mergeCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: baseUrl },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  await res.arrayBuffer();
  mergeCookies(jar, res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`sign-in as ${email} failed (${res.status} ${res.headers.get("location") ?? ""})`);
  }
  return cookieHeader(jar);
}

type ManifestEntry = { workers: Record<string, unknown>; exportedName: string };

/** The id and page path of a server action in the production build. */
export function serverAction(exportedName: string): { id: string; pagePath: string } {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName !== exportedName) continue;
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const segments = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .split("/")
      .filter((s) => s && !s.startsWith("("));
    return { id, pagePath: `/${segments.join("/")}` };
  }
  throw new Error(`no server action ${exportedName} in the build`);
}

/** Calls a server action as the browser does; returns the status, body and redirect target. */
export async function callAction(
  baseUrl: string,
  cookie: string,
  action: { id: string; pagePath: string },
  args: unknown[],
): Promise<{ status: number; body: string; redirect: string | null }> {
  const res = await fetch(`${baseUrl}${action.pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: baseUrl,
      cookie,
    },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: await res.text(), redirect: res.headers.get("x-action-redirect") };
}

/** Calls `onFrame` with each server-sent event frame (the text between blank lines) until the stream ends. */
export async function readSseFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      onFrame(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

export type StreamEvent = { id: number; jobId: string; kind: string; state: string; d1Status: string | null };

/**
 * A branch event stream client. Like EventSource it reconnects with Last-Event-ID when the
 * server ends the stream (SSE_MAX_SECONDS) or the connection fails; unlike EventSource it also
 * retries after an error status (the app's page falls back to polling and retries the stream),
 * and it counts everything for the reports.
 */
export class EventStreamClient {
  readonly events: StreamEvent[] = [];
  lastEventId: number | null = null;
  /** Ids received more than once (a replay overlapping live delivery would show here). */
  duplicates = 0;
  connects = 0;
  /** The server closed the stream (recycling). */
  recycles = 0;
  /** Failed connection attempts, by HTTP status or "network". */
  failures: Record<string, number> = {};
  /** Streams that broke off mid-way (not a clean end). */
  breaks = 0;
  live = false;
  private closed = false;
  private abort = new AbortController();
  private readonly seen = new Set<number>();

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly retryMs = 500,
  ) {}

  start(): void {
    void this.loop();
  }

  /** Resolves once the first stream has replayed and is passing live events on. */
  async untilLive(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.live) {
      if (Date.now() > deadline) throw new Error("event stream did not become live");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.closed = true;
    this.abort.abort();
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      let reading = false;
      try {
        const headers: Record<string, string> = { cookie: this.cookie, accept: "text/event-stream" };
        if (this.lastEventId !== null) headers["last-event-id"] = String(this.lastEventId);
        const res = await fetch(`${this.baseUrl}/api/events/stream`, { headers, signal: this.abort.signal });
        if (res.status !== 200 || !res.body) {
          this.failures[res.status] = (this.failures[res.status] ?? 0) + 1;
          await res.body?.cancel();
        } else {
          this.connects++;
          reading = true;
          await readSseFrames(res.body, (frame) => this.frame(frame));
          this.recycles++;
        }
      } catch {
        if (this.closed) return;
        if (reading) this.breaks++;
        else this.failures.network = (this.failures.network ?? 0) + 1;
      }
      if (!this.closed) await new Promise((r) => setTimeout(r, this.retryMs));
    }
  }

  private frame(text: string): void {
    let id: number | null = null;
    let data = "";
    for (const line of text.split("\n")) {
      if (line === ": live") this.live = true;
      else if (line.startsWith("id: ")) id = Number(line.slice(4));
      else if (line.startsWith("data: ")) data += line.slice(6);
    }
    if (id === null || !data) return;
    this.lastEventId = id;
    if (this.seen.has(id)) {
      this.duplicates++;
      return;
    }
    this.seen.add(id);
    const event = JSON.parse(data) as StreamEvent;
    this.events.push({
      id,
      jobId: event.jobId,
      kind: event.kind,
      state: event.state,
      d1Status: event.d1Status ?? null,
    });
  }
}

// The ports `npm start` listens on, checked before anything starts so that a second `npm start`
// (or anything else on a port) stops with the port, its likely holder and the setting that moves
// it, instead of half-starting. A port taken later (a race) is reported the same way.
import { createServer } from "node:net";
import path from "node:path";
import { findPortHolder, type PortHolder } from "./port-holder.ts";

export type PortNeed = { port: number; host: string; what: string; setting: string };
export type TakenPort = { need: PortNeed; code: string; holder: PortHolder | null; suggestion: number | null };

export type PortSettings = {
  PORT: number;
  HOST: string;
  EMBEDDED_PG_PORT: number;
  SIM_PORT: number;
  SIM_ADMIN_PORT: number;
  DATABASE_URL?: string;
  D1_BANKING_URL?: string;
};

/** What `npm start` will listen on with these settings, in the order it starts them. */
export function portsNeeded(settings: PortSettings): PortNeed[] {
  const needs: PortNeed[] = [];
  if (!settings.DATABASE_URL) {
    needs.push({
      port: settings.EMBEDDED_PG_PORT,
      host: "127.0.0.1",
      what: "the embedded PostgreSQL",
      setting: "EMBEDDED_PG_PORT",
    });
  }
  if (!settings.D1_BANKING_URL) {
    needs.push({ port: settings.SIM_PORT, host: "127.0.0.1", what: "the D1 simulator", setting: "SIM_PORT" });
    needs.push({
      port: settings.SIM_ADMIN_PORT,
      host: "127.0.0.1",
      what: "the D1 simulator's control page",
      setting: "SIM_ADMIN_PORT",
    });
  }
  needs.push({ port: settings.PORT, host: settings.HOST, what: "the app", setting: "PORT" });
  // Port 0 means "any free port": nothing to check.
  return needs.filter((need) => need.port !== 0);
}

/** null when `port` can be listened on at `host`, else the error code (EADDRINUSE, EACCES…). */
export function bindProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "unknown error"));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

async function suggestPort(need: PortNeed, avoid: Set<number>): Promise<number | null> {
  for (let candidate = need.port + 10; candidate <= Math.min(need.port + 100, 65535); candidate += 10) {
    if (!avoid.has(candidate) && (await bindProblem(candidate, need.host)) === null) return candidate;
  }
  return null;
}

export class PortsInUseError extends Error {
  constructor(readonly taken: TakenPort[]) {
    super(taken.map(({ need, code }) => `port ${need.port} (${need.what}, ${need.setting}): ${code}`).join("; "));
    this.name = "PortsInUseError";
  }
}

async function describeTaken(need: PortNeed, code: string, needs: PortNeed[]): Promise<TakenPort> {
  const avoid = new Set(needs.map((n) => n.port));
  return { need, code, holder: findPortHolder(need.port), suggestion: await suggestPort(need, avoid) };
}

/** Throws PortsInUseError naming every port of `needs` that cannot be listened on. */
export async function checkPorts(needs: PortNeed[]): Promise<void> {
  const taken: TakenPort[] = [];
  for (const need of needs) {
    const code = await bindProblem(need.port, need.host);
    if (code) taken.push(await describeTaken(need, code, needs));
  }
  if (taken.length > 0) throw new PortsInUseError(taken);
}

/**
 * The PortsInUseError in an error's cause chain, or an EADDRINUSE on one of `needs` raised after
 * the check (a race) turned into one; null for any other error.
 */
export async function portErrorFrom(error: unknown, needs: PortNeed[]): Promise<PortsInUseError | null> {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof PortsInUseError) return e;
    const { code, port } = e as NodeJS.ErrnoException & { port?: unknown };
    if (code !== "EADDRINUSE") continue;
    const need = needs.find((n) => n.port === Number(port));
    if (need) return new PortsInUseError([await describeTaken(need, code, needs)]);
  }
  return null;
}

function shortCommand(command: string): string {
  const [program = "", ...args] = command.split(" ");
  const line = [path.basename(program), ...args].join(" ");
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

function holderLine({ need, holder }: TakenPort, root: string): string {
  if (!holder) return `  Could not tell what holds it (\`ss -ltnp 'sport = :${need.port}'\` may say).`;
  const { npmStart } = holder;
  if (!npmStart)
    return `  Held by ${shortCommand(holder.command)} (pid ${holder.pid}${holder.cwd ? `, in ${holder.cwd}` : ""}).`;
  const where =
    npmStart.cwd && path.resolve(npmStart.cwd) === path.resolve(root)
      ? "of this checkout"
      : `in ${npmStart.cwd ?? "another checkout"}`;
  const owner = `another \`npm start\` ${where} (pid ${npmStart.pid})`;
  return npmStart.pid === holder.pid
    ? `  Held by ${owner}.`
    : `  Held by ${shortCommand(holder.command)} (pid ${holder.pid}) of ${owner}.`;
}

/** What to tell the user: each port, its holder and setting, then how to get going. */
export function portsInUseReport(error: PortsInUseError, root: string): string[] {
  const lines: string[] = [];
  for (const taken of error.taken) {
    const { need, code } = taken;
    const state = code === "EADDRINUSE" ? "is already in use" : `cannot be opened (${code})`;
    lines.push(
      `Port ${need.port} ${state}: ${need.what} cannot listen on ${need.host}:${need.port} (setting ${need.setting}).`,
    );
    lines.push(holderLine(taken, root));
  }
  const sameCheckout = error.taken.find(
    (t) => t.holder?.npmStart?.cwd && path.resolve(t.holder.npmStart.cwd) === path.resolve(root),
  );
  if (sameCheckout?.holder?.npmStart) {
    // Other ports would not help: the two would share .data/ (PostgreSQL's data directory).
    return [
      ...lines,
      `Another \`npm start\` of this checkout is running (pid ${sameCheckout.holder.npmStart.pid}): stop it first (Ctrl-C in its terminal).`,
      "Two of one checkout would share .data/; to run two side by side, start the other from another checkout with other ports.",
    ];
  }
  const moves = error.taken.map(({ need, suggestion }) => `${need.setting}=${suggestion ?? "<a free port>"}`);
  lines.push(`To use other ports, set them in .env or on the command line, e.g. \`${moves.join(" ")} npm start\`.`);
  return lines;
}

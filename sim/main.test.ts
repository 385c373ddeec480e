import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSimEnv } from "./env";
import { createSimLogger } from "./logger";

describe("simulator settings, logging and CLI", () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), "d1-sim-main-"))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("applies defaults and refuses bad values with the variable name", () => {
    const env = loadSimEnv({});
    expect(env).toMatchObject({
      SIM_HOST: "127.0.0.1",
      SIM_PORT: 8443,
      SIM_ADMIN_PORT: 8444,
      SIM_ISSUER_ID: "ISSUER0001",
      SIM_PKI_DIR: ".data/pki",
      SIM_MAX_OPERATIONS_PER_NOTIFICATION: 1,
      SIM_NOTIFY_MAX_ATTEMPTS: 5,
    });
    expect(env.SIM_READY_MS).toBeUndefined();
    expect(loadSimEnv({ SIM_READY_MS: "20", SIM_NOTIFY_URL: "" })).toMatchObject({
      SIM_READY_MS: 20,
      SIM_NOTIFY_URL: undefined,
    });
    expect(() => loadSimEnv({ SIM_ISSUER_ID: "ISSUER1" })).toThrow(/SIM_ISSUER_ID/);
    expect(() => loadSimEnv({ SIM_PORT: "http" })).toThrow(/SIM_PORT/);
    expect(() => loadSimEnv({ SIM_NOTIFY_TOKEN_URL: "http://127.0.0.1:3000/authz/d1/v1/oauth2/token" })).toThrow(
      /SIM_NOTIFY_CLIENT_ID/,
    );
  });

  it("reads and validates a stations file", async () => {
    const good = path.join(dir, "stations.json");
    await writeFile(
      good,
      JSON.stringify([{ persoStation: "KIOSK-PS-101", branchCode: "K1", stock: { DEBIT_CLASSIC: 3 } }]),
    );
    expect(loadSimEnv({ SIM_STATIONS_FILE: good }).stations).toEqual([
      { persoStation: "KIOSK-PS-101", branchCode: "K1", stock: { DEBIT_CLASSIC: 3 } },
    ]);
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify([{ persoStation: "X", state: "ASLEEP" }]));
    expect(() => loadSimEnv({ SIM_STATIONS_FILE: bad })).toThrow(/SIM_STATIONS_FILE/);
  });

  it("redacts card fields in logs", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const log = createSimLogger("info", sink);
    log.info({ pan: "4111111111111111", card: { exp: "2906", cvv: "123" }, cardId: "c-1" }, "x");
    expect(lines.join("")).not.toMatch(/4111111111111111|2906|"123"/);
    expect(lines.join("")).toContain("c-1");
  });

  it("starts from the CLI, prints its URLs and exits cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "sim/main.ts"], {
      env: {
        ...process.env,
        SIM_PORT: "0",
        SIM_ADMIN_PORT: "0",
        SIM_PKI_DIR: path.join(dir, "pki"),
        SIM_LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const ready = new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
        const m = /control: (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m?.[1]) resolve(m[1]);
      });
      child.once("exit", (code) => reject(new Error(`exited early (${code}): ${stderr}`)));
    });
    const adminUrl = await ready;
    expect(stderr).toMatch(/D1 simulator: https:\/\/127\.0\.0\.1:\d+ \(mTLS\)/);
    expect(await (await fetch(`${adminUrl}/health`)).json()).toEqual({ ok: true, issuerId: "ISSUER0001" });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

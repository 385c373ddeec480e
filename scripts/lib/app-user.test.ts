import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appUser, prepareForAppUser, type AppUser } from "./app-user";

const root = mkdtempSync(path.join(tmpdir(), "bii-app-user-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs a shell line as `user`; true when it succeeded. */
function as(user: AppUser, line: string, ...args: string[]): boolean {
  return spawnSync("sh", ["-c", line, "sh", ...args], { uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0;
}

describe("the app's user under npm start", () => {
  it("is ours when not root; as root, an unprivileged user that reads its keys and build, and nothing else of ours", async () => {
    const user = appUser();
    if (process.getuid?.() !== 0) {
      expect(user).toBeNull();
      return;
    }
    expect(user).not.toBeNull();
    if (!user) return;
    expect(user.uid).not.toBe(0);
    expect(user.gid).not.toBe(0);

    // A build made with umask 077, and .data/ as npm start leaves it: owner-only keys.
    const dataDir = path.join(root, ".data");
    const pki = path.join(dataDir, "pki");
    mkdirSync(path.join(root, ".next", "server"), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(root, ".next", "server", "page.js"), "built", { mode: 0o600 });
    mkdirSync(pki, { recursive: true, mode: 0o700 });
    writeFileSync(path.join(pki, "issuer-client.key.pem"), "app key", { mode: 0o600 });
    writeFileSync(path.join(pki, "ca.key.pem"), "ca key", { mode: 0o600 });
    writeFileSync(path.join(dataDir, "pg-superuser-password"), "secret", { mode: 0o600 });
    const logFile = path.join(root, "logs", "app.log");

    const env = await prepareForAppUser(
      user,
      {
        NODE_ENV: "production",
        D1_TLS_KEY_FILE: path.join(pki, "issuer-client.key.pem"),
        LOG_FILE: logFile,
        KEPT: "yes",
      },
      { root, dataDir },
    );
    expect(env).toMatchObject({ KEPT: "yes", LOG_FILE: logFile, HOME: path.join(dataDir, "app"), USER: user.name });
    expect(env.D1_TLS_KEY_FILE).not.toBe(path.join(pki, "issuer-client.key.pem"));

    expect(as(user, 'cat "$1"', env.D1_TLS_KEY_FILE!)).toBe(true);
    expect(readFileSync(env.D1_TLS_KEY_FILE!, "utf8")).toBe("app key");
    expect(as(user, 'cat "$1"', path.join(root, ".next", "server", "page.js"))).toBe(true);
    expect(as(user, 'echo x > "$1"', path.join(root, ".next", "standalone", ".next", "cache", "images", "x"))).toBe(
      true,
    );
    expect(as(user, 'echo x >> "$1"', logFile)).toBe(true);

    expect(as(user, 'cat "$1"', path.join(pki, "ca.key.pem"))).toBe(false);
    expect(as(user, 'cat "$1"', path.join(pki, "issuer-client.key.pem"))).toBe(false);
    expect(as(user, 'cat "$1"', path.join(dataDir, "pg-superuser-password"))).toBe(false);
    expect(as(user, 'echo x > "$1"', path.join(root, ".next", "server", "page.js"))).toBe(false);
    expect(as(user, 'echo x > "$1"', path.join(root, ".next", "server", "new.js"))).toBe(false);
  });
});

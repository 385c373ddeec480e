// Under `npm start` as root, the app (next start) runs as an unprivileged system user, as
// PostgreSQL already runs as `postgres`: a flaw in the app or a dependency then cannot reach the
// rest of the machine, the database's files, the simulator's keys or its own build.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { letOthersReach } from "../../db/embedded.ts";

export type AppUser = { name: string; uid: number; gid: number };

/** The dedicated user, created on first use; `nobody` where no user can be created. */
export const APP_USER_NAME = "bii";

function lookUp(name: string): AppUser | null {
  try {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { name, uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

/** Null when not root: the app then runs as whoever started npm start, as before. */
export function appUser(): AppUser | null {
  if (process.getuid?.() !== 0) return null;
  const existing = lookUp(APP_USER_NAME);
  if (existing) return existing;
  const shell = existsSync("/usr/sbin/nologin") ? "/usr/sbin/nologin" : "/bin/false";
  try {
    execFileSync(
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", shell, APP_USER_NAME],
      { stdio: "ignore" },
    );
  } catch {
    // No useradd (e.g. a minimal image): fall back below.
  }
  const user = lookUp(APP_USER_NAME) ?? lookUp("nobody");
  if (!user)
    throw new Error(`found no unprivileged user to run the app as; create one: useradd --system ${APP_USER_NAME}`);
  return user;
}

/** Adds read (and, for folders, search) permission for others where the build lacks it (umask 077). */
function letOthersRead(dir: string): void {
  for (const entry of [dir, ...readdirSync(dir, { recursive: true }).map((name) => path.join(dir, String(name)))]) {
    const stat = lstatSync(entry);
    if (stat.isSymbolicLink()) continue;
    const wanted = stat.isDirectory() ? 0o005 : 0o004;
    if ((stat.mode & wanted) !== wanted) chmodSync(entry, (stat.mode & 0o7777) | wanted);
  }
}

function chownTree(target: string, user: AppUser): void {
  chownSync(target, user.uid, user.gid);
  if (!lstatSync(target).isDirectory()) return;
  for (const name of readdirSync(target, { recursive: true }))
    chownSync(path.join(target, String(name)), user.uid, user.gid);
}

/** What Next.js writes under .next/cache at run time: optimised images and the data cache. */
const RUNTIME_CACHES = ["images", "fetch-cache"];

type Layout = { root: string; dataDir: string };

/**
 * Makes what the app reads reachable by `user` and what it writes its own, and returns the app's
 * environment for it: the build stays root's (read-only to the app) except the caches Next.js
 * writes at run time; the files named by `*_FILE` settings under .data/ (the D1 client
 * and signing keys) are copied into .data/app, the app's own folder (0700), so the app reads
 * its keys but not the simulator's or the CA's; an existing LOG_FILE is handed to the user.
 */
export async function prepareForAppUser(
  user: AppUser,
  env: NodeJS.ProcessEnv,
  layout: Layout,
): Promise<NodeJS.ProcessEnv> {
  await letOthersReach(layout.root);
  const build = path.join(layout.root, ".next");
  letOthersRead(build);
  // Only the caches the server writes (the standalone server's, under its own .next); the
  // build's own (turbopack) stays root's, so the app cannot plant anything in what the next
  // `next build` compiles.
  for (const name of RUNTIME_CACHES) {
    const cache = path.join(build, "standalone", ".next", "cache", name);
    mkdirSync(cache, { recursive: true });
    chownTree(cache, user);
  }

  await letOthersReach(layout.dataDir);
  const own = path.join(layout.dataDir, "app");
  rmSync(own, { recursive: true, force: true });
  mkdirSync(own, { mode: 0o700 });
  chownSync(own, user.uid, user.gid);
  const out: NodeJS.ProcessEnv = { ...env, HOME: own, USER: user.name, LOGNAME: user.name };
  for (const [key, value] of Object.entries(env)) {
    if (!key.endsWith("_FILE") || key === "LOG_FILE" || !value) continue;
    if (path.relative(layout.dataDir, path.resolve(value)).startsWith("..")) continue;
    const copy = path.join(own, `${key.toLowerCase()}${path.extname(value)}`);
    copyFileSync(value, copy);
    chmodSync(copy, 0o400);
    chownSync(copy, user.uid, user.gid);
    out[key] = copy;
  }
  if (env.LOG_FILE) {
    mkdirSync(path.dirname(path.resolve(env.LOG_FILE)), { recursive: true });
    writeFileSync(env.LOG_FILE, "", { flag: "a", mode: 0o640 });
    chownSync(env.LOG_FILE, user.uid, user.gid);
  }
  return out;
}

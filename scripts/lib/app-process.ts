// The app under `npm start` (next start / next dev): a process group of its own so that its
// workers stop with it, and a `ready` promise that fails with a reason if the app exits first.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { bindProblem } from "./ports.ts";

export type AppProcess = {
  child: ChildProcess;
  /** Resolves when readyUrl answers 2xx; rejects when the app exits first or times out. */
  ready: Promise<void>;
  /** SIGTERM to the group, SIGKILL after 10 s. */
  stop: () => Promise<void>;
};

type Options = {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the app listens, to tell a port taken since the check from another failure. */
  port: number;
  host: string;
  readyUrl: string;
  timeoutMs: number;
  /** Run as this user (and its group only) instead of ours: npm start as root (see app-user.ts). */
  user?: { uid: number; gid: number };
};

function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

async function earlyExitError(options: Options, code: number | null, signal: NodeJS.Signals | null): Promise<Error> {
  const error = new Error(
    `the app exited before it was ready (${exitText(code, signal)}); see its output above`,
  ) as NodeJS.ErrnoException & {
    port?: number;
  };
  // Next prints its own EADDRINUSE; the port being taken now says that was the cause.
  if ((await bindProblem(options.port, options.host)) === "EADDRINUSE") {
    error.code = "EADDRINUSE";
    error.port = options.port;
  }
  return error;
}

export function startApp(options: Options): AppProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    // Node drops the supplementary groups too when it switches user.
    ...(options.user && { uid: options.user.uid, gid: options.user.gid }),
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A command that cannot be spawned emits "error" (and maybe no "exit").
  const failure: { error?: Error } = {};
  const failed = new Promise<void>((resolve) =>
    child.once("error", (error) => {
      failure.error = error;
      resolve();
    }),
  );

  const ready = (async () => {
    const deadline = Date.now() + options.timeoutMs;
    while (Date.now() < deadline) {
      if (failure.error) throw failure.error;
      if (child.exitCode !== null || child.signalCode !== null)
        throw await earlyExitError(options, child.exitCode, child.signalCode);
      // A time limit, as something else on the port may accept and never answer.
      const answered = fetch(options.readyUrl, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (await Promise.race([answered, exited.then(() => false), failed.then(() => false)])) return;
      await Promise.race([sleep(250), exited, failed]);
    }
    throw new Error(`the app did not answer at ${options.readyUrl} within ${Math.round(options.timeoutMs / 1000)} s`);
  })();

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {}
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup("SIGTERM");
      await Promise.race([exited, sleep(10_000)]);
    }
    // Workers of the group may outlive the leader (also when it exited by itself); none is left.
    signalGroup("SIGKILL");
  };
  return { child, ready, stop };
}

// Child processes of a run: started in their own process group so that a stop takes their
// children with them, and their resident memory read from /proc.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { groupRss } from "../../scripts/lib/app-harness.ts";
import { onCleanup } from "./cleanup";

export type Proc = { child: ChildProcess; name: string; stop: () => Promise<void>; output: () => string };

export function startProcess(name: string, command: string, args: string[], options: SpawnOptions): Proc {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      await Promise.race([exited, sleep(8_000)]);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    })();
    return stopped;
  };
  const remove = onCleanup(name, stop);
  child.once("exit", () => remove());
  return { child, name, stop, output: () => output };
}

export async function waitForHttp(url: string, proc: Proc | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited (${proc.child.exitCode}):\n${proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {}
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms${proc ? `:\n${proc.output()}` : ""}`);
}

/** Resident memory of every process in the group (next start and any worker it forked), in MB. */
export function groupRssMB(pgid: number): number {
  return groupRss(pgid) / (1024 * 1024);
}

/** CPU seconds used so far by every process in the group (user + system). */
export function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100;
}

// Best effort: which process listens on a TCP port, read from /proc (Linux) so that nothing has
// to be installed. Anything unreadable (another OS, another user's processes) gives null, and
// the caller still names the port and the setting without it.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export type PortHolder = {
  pid: number;
  command: string;
  cwd: string | null;
  /** The `npm start` (scripts/start.ts) process this one belongs to, when there is one. */
  npmStart: { pid: number; cwd: string | null } | null;
};

const LISTEN = "0A";

/** Socket inodes listening on `port`, from /proc/net/tcp and tcp6. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const inode = fields[9];
      if (!local || !inode || fields[3] !== LISTEN) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16) === port && inode !== "0") inodes.add(inode);
    }
  }
  return inodes;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function cwdOf(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  const argv = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean);
  return argv.join(" ") || `pid ${pid}`;
}

function parentOf(pid: number): number | null {
  // The command name (field 2) may contain spaces and parentheses; ppid follows the last ')'.
  const stat = read(`/proc/${pid}/stat`);
  const rest = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ppid = Number(rest?.[1]);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
}

/** The nearest ancestor (or the process itself) that runs scripts/start.ts. */
function npmStartOf(pid: number): PortHolder["npmStart"] {
  for (
    let current: number | null = pid, hops = 0;
    current && current > 1 && hops < 8;
    current = parentOf(current), hops++
  ) {
    if (/scripts[/\\]start\.ts\b/.test(commandOf(current))) return { pid: current, cwd: cwdOf(current) };
  }
  return null;
}

function pidsHolding(inodes: Set<string>): number[] {
  const wanted = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return pids;
  }
  for (const name of entries) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${name}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${name}/fd/${fd}`))) {
          pids.push(Number(name));
          break;
        }
      } catch {}
    }
  }
  return pids.sort((a, b) => a - b);
}

/** The process listening on `port`, or null when it cannot be found cheaply. */
export function findPortHolder(port: number): PortHolder | null {
  if (process.platform !== "linux") return null;
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  // Forked servers (PostgreSQL) share the socket; the lowest pid is the parent that opened it.
  const pid = pidsHolding(inodes)[0];
  if (pid === undefined) return null;
  return { pid, command: commandOf(pid), cwd: cwdOf(pid), npmStart: npmStartOf(pid) };
}

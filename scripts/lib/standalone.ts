// The production server exactly as the container image runs it (Dockerfile): Next.js's
// standalone output, `node .next/standalone/server.js`, with public/ and .next/static copied
// beside it (the standalone output leaves them out, expecting a CDN or the image to add them).
// `npm start`, the e2e server and the reliability tests all start it this way, so every test
// run also proves what the image runs.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./local.ts";
import { withHeapLimit } from "./heap.ts";

export const STANDALONE_DIR = path.join(ROOT, ".next", "standalone");
export const STANDALONE_SERVER = path.join(STANDALONE_DIR, "server.js");

/** Copies the static files next to server.js, as the Dockerfile does; after every build. */
export function completeStandalone(): void {
  if (!existsSync(STANDALONE_SERVER)) throw new Error(`no ${STANDALONE_SERVER}: is output "standalone" set?`);
  const copy = (from: string, to: string) => {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  };
  copy(path.join(ROOT, "public"), path.join(STANDALONE_DIR, "public"));
  copy(path.join(ROOT, ".next", "static"), path.join(STANDALONE_DIR, ".next", "static"));
}

/** The open event streams the image's heap is sized for (its NODE_OPTIONS, see the Dockerfile). */
const IMAGE_STREAMS = 1000;

/** What the image sets for the server besides the bank's settings (see the Dockerfile). */
export function standaloneEnv(options: {
  port: number;
  host: string;
  /** The operator's NODE_OPTIONS, kept (default: this process's). */
  nodeOptions?: string;
}): Record<string, string> {
  const nodeOptions = "nodeOptions" in options ? options.nodeOptions : process.env.NODE_OPTIONS;
  return {
    PORT: String(options.port),
    // server.js listens on HOSTNAME (Docker sets that to the container's name, hence explicit).
    HOSTNAME: options.host,
    NODE_ENV: "production",
    // Next.js leaves SIGTERM and SIGINT to our graceful shutdown (lib/shutdown).
    NEXT_MANUAL_SIG_HANDLE: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // The image's heap settings (sized for 1,000 open streams), keeping any the operator set.
    NODE_OPTIONS: withHeapLimit(nodeOptions, IMAGE_STREAMS),
  };
}

/** The command line: this Node (24, from the node devDependency) and server.js. */
export function standaloneCommand(): { command: string; args: string[]; cwd: string } {
  return { command: process.execPath, args: [STANDALONE_SERVER], cwd: STANDALONE_DIR };
}

/**
 * server.js changes into its own folder, so a file setting given relative to the repository
 * (LOG_FILE=.data/app.log, a *_FILE in .env) is made absolute before it starts.
 */
export function absoluteFileSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const [key, value] of Object.entries(env)) {
    if ((key.endsWith("_FILE") || /_FILE_[A-Z]+$/.test(key)) && value) out[key] = path.resolve(ROOT, value);
  }
  return out;
}

// Everything a run starts registers how to stop it here; the stops run newest first at the end,
// on failure and on Ctrl-C, so no process or temp dir outlives the run.
type Stop = { name: string; fn: () => Promise<void> | void };

const stops: Stop[] = [];
let running: Promise<void> | null = null;

export function onCleanup(name: string, fn: () => Promise<void> | void): () => void {
  const entry = { name, fn };
  stops.push(entry);
  return () => {
    const i = stops.indexOf(entry);
    if (i >= 0) stops.splice(i, 1);
  };
}

/** Runs one registered stop now (e.g. a second app instance when its benchmark is done). */
export async function runCleanup(remove: () => void, fn: () => Promise<void> | void): Promise<void> {
  remove();
  await fn();
}

export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (stops.length > 0) {
      const stop = stops.pop()!;
      try {
        await Promise.race([stop.fn(), new Promise((r) => setTimeout(r, 15_000))]);
      } catch (error) {
        console.error(`[bench] cleanup of ${stop.name} failed:`, error);
      }
    }
  })();
  return running;
}

export function installSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: stopping everything…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}

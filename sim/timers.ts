// Every delayed action in the simulator goes through one Timers instance, so stop() can
// cancel them all and the process exits without orphan timers.
export class Timers {
  private readonly handles = new Set<NodeJS.Timeout>();
  private readonly sleepers = new Set<() => void>();
  private stopped = false;

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Runs `fn` after `ms`; returns a cancel function. Does nothing once stopped. */
  after(ms: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const handle = setTimeout(
      () => {
        this.handles.delete(handle);
        fn();
      },
      Math.max(0, ms),
    );
    this.handles.add(handle);
    return () => {
      clearTimeout(handle);
      this.handles.delete(handle);
    };
  }

  /** Resolves after `ms`, or at once when the timers are cleared (callers check isStopped). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.sleepers.delete(done);
        cancel();
        resolve();
      };
      const cancel = this.after(ms, done);
      this.sleepers.add(done);
      if (this.stopped) done();
    });
  }

  /** Cancels pending work without stopping (used by reset). */
  clearAll(): void {
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
    for (const wake of [...this.sleepers]) wake();
  }

  stop(): void {
    this.stopped = true;
    this.clearAll();
  }
}

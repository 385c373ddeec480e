// The V8 heap limit for an app instance, from the number of event streams it is expected to hold
// (about one per signed-in teller or manager tab). V8 lets the heap grow well past what is live
// before it collects, so an instance without a limit sits far above its need and keeps growing
// for minutes under steady load; a limit sized to the load keeps resident memory flat. Measured
// in docs/performance.md ("Memory"): about 70 MB live when idle, about 60 KiB live per open
// stream, and the collector needs room above that to keep up with stream reconnects.
/** Heap for the idle instance and the collector's room. */
const BASE_MB = 192;
const PER_STREAM_MB = 0.125;

/** --max-old-space-size for an instance holding `streams` open event streams, in MB. */
export function heapLimitMB(streams: number): number {
  return Math.ceil((BASE_MB + PER_STREAM_MB * streams) / 32) * 32;
}

/** NODE_OPTIONS with the heap limit added, unless it already sets one. */
export function withHeapLimit(nodeOptions: string | undefined, mb: number): string {
  const current = nodeOptions?.trim() ?? "";
  if (/--max-old-space-size[=\s]/.test(current)) return current;
  return `${current} --max-old-space-size=${mb}`.trim();
}

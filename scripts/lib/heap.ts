// V8 heap settings for an app instance, from the number of event streams it is expected to hold
// (about one per signed-in teller or manager tab). Left to itself, V8 sizes its heap for speed:
// a large young generation and an old generation allowed to grow well past what is live before
// a full collection, so an instance sits 100–200 MB above its need and keeps growing for
// minutes under steady load. Measured in docs/performance.md ("Memory"): about
// 70 MB live when idle, about 60 KiB live per open stream.
/** Heap for the idle instance and the collector's room. */
const BASE_MB = 192;
const PER_STREAM_MB = 0.125;
/**
 * Young generation semi-space, MB. 2 MB costs more (short) young-generation collections and
 * saved about 100 MB of resident memory in the soak and the memory benchmark.
 */
export const SEMI_SPACE_MB = 2;

/** --max-old-space-size for an instance holding `streams` open event streams, in MB. */
export function heapLimitMB(streams: number): number {
  return Math.ceil((BASE_MB + PER_STREAM_MB * streams) / 32) * 32;
}

/** NODE_OPTIONS with the advised heap settings for `streams` added, except those the operator set. */
export function withHeapLimit(nodeOptions: string | undefined, streams: number): string {
  let options = nodeOptions?.trim() ?? "";
  if (!/--max-old-space-size[=\s]/.test(options)) options += ` --max-old-space-size=${heapLimitMB(streams)}`;
  if (!/--max-semi-space-size[=\s]/.test(options)) options += ` --max-semi-space-size=${SEMI_SPACE_MB}`;
  return options.trim();
}

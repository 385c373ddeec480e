// See proxy.ts: an empty hook so that the repository's instrumentation (the issuance worker) is
// not loaded into the baseline.
export function register(): void {}

// Test support only: the PAN matcher of the card-data scans (e2e/support/card-data-scan.ts and the
// exported-trace scan of lib/tracing/trace.test.ts), free of side effects so tests can import it.

export type Pan = { jobId: string; pan: string };
export type Hit = { source: string; jobId: string; last4: string };

/** Digits separated by single spaces or dashes are joined, so `4111 1111 …` is found too. */
const joinDigits = (text: string) => text.replace(/(?<=\d)[ -](?=\d)/g, "");

export function findPans(source: string, text: string, pans: readonly Pan[]): Hit[] {
  const joined = joinDigits(text);
  return pans
    .filter((p) => text.includes(p.pan) || joined.includes(p.pan))
    .map((p) => ({ source, jobId: p.jobId, last4: p.pan.slice(-4) }));
}

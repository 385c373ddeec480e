// Test support only: wait for something the system does by itself (a notification applied, a
// stream going live), checking every few milliseconds, and fail with what was awaited.

/** Resolves once `probe` holds; throws "timed out after … waiting for <what>" past the deadline. */
export async function until(
  probe: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

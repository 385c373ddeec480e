// A per-key token bucket held in this process's memory: `perMinute` requests a minute, in bursts
// of up to `perMinute`. Per instance on purpose (see docs/security.md, "Customer data access"):
// it costs no database round trip on a hot path, and with N instances a user gets at most N
// times the rate, which still stops anyone paging through data with a script.
const MAX_KEYS = 10_000;

export type RateLimiter = {
  /** Takes one request for `key`; false when its bucket is empty. */
  take: (key: string) => boolean;
  /** Seconds until `key` may try again (0 when it may now). */
  retryAfter: (key: string) => number;
};

export function createRateLimiter({
  perMinute,
  now = Date.now,
}: {
  perMinute: number;
  now?: () => number;
}): RateLimiter {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refill(key: string) {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    return bucket;
  }

  /** Forgets full buckets (they behave like new ones) so the map stays small. */
  function prune() {
    if (buckets.size < MAX_KEYS) return;
    for (const key of buckets.keys()) if (refill(key).tokens >= perMinute) buckets.delete(key);
  }

  return {
    take(key) {
      const bucket = refill(key);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      prune();
      buckets.set(key, bucket);
      return true;
    },
    retryAfter(key) {
      const bucket = refill(key);
      return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / perMs / 1000);
    },
  };
}

/** How long a delivery is remembered: Slack retries within the hour. */
export const DELIVERY_TTL_MS = 3_600_000;

/**
 * Deliveries already handled: Slack retries events (X-Slack-Retry-Num), people double-click buttons, and a replayed
 * request carries the same ids. Kept in memory for an hour, which covers Slack's retry schedule.
 */
export function seenRecently(ttlMs = DELIVERY_TTL_MS, now = () => Date.now()) {
  const seen = new Map<string, number>();
  return Object.assign(
    (key: string): boolean => {
      const t = now();
      if (seen.size > 10_000) for (const [k, at] of seen) if (t - at > ttlMs) seen.delete(k);
      const at = seen.get(key);
      if (at !== undefined && t - at <= ttlMs) return true;
      seen.set(key, t);
      return false;
    },
    { forget: (key: string) => void seen.delete(key) },
  );
}

/**
 * Teams asks bots to back off on 429, 412, 502 and 504 (the SDK does not retry): exponential with jitter, or the
 * server's Retry-After when it gives one. Other failures are not retried here.
 */
const RETRYABLE = new Set([429, 412, 502, 504]);

export async function withBackoff<T>(
  send: () => Promise<T>,
  tries = 4,
  baseMs = 500,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      const response = (e as { response?: { status?: number; headers?: Record<string, string> } }).response;
      if (!response?.status || !RETRYABLE.has(response.status) || attempt >= tries) throw e;
      const retryAfter = Number(response.headers?.["retry-after"]);
      await sleep(
        Number.isFinite(retryAfter) && retryAfter > 0
          ? retryAfter * 1000
          : baseMs * 2 ** (attempt - 1) * (0.5 + Math.random()),
      );
    }
  }
}

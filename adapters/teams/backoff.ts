/**
 * Teams asks bots to back off on 429, 412, 502 and 504 (the SDK does not retry): exponential with jitter, or the
 * server's Retry-After when it gives one. Other failures are not retried here. With a deadline (an inbound
 * request must be answered within Teams' ~15 s) a wait that would run past it is not waited out: the send
 * fails with `Later`, and the caller keeps the message for the scheduler.
 */
const RETRYABLE = new Set([429, 412, 502, 504]);

/** A failure Teams asks to retry (a limit, an outage), as the SDK's error carries it. */
export const retryable = (e: unknown): boolean => {
  const status = (e as { response?: { status?: number } } | null)?.response?.status;
  return status !== undefined && RETRYABLE.has(status);
};

export class Later extends Error {
  override readonly name = "TeamsSendLater";
  readonly status: number;
  constructor(status: number) {
    super(`Teams asked to wait (${status}) past the request's budget`);
    this.status = status;
  }
}

export async function withBackoff<T>(
  send: () => Promise<T>,
  opts: { tries?: number; baseMs?: number; deadline?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const { tries = 4, baseMs = 500, deadline = Number.POSITIVE_INFINITY } = opts;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      const response = (e as { response?: { status?: number; headers?: Record<string, string> } }).response;
      if (!response?.status || !RETRYABLE.has(response.status) || attempt >= tries) throw e;
      const retryAfter = Number(response.headers?.["retry-after"]);
      const wait =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? retryAfter * 1000
          : baseMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      if (Date.now() + wait > deadline) throw new Later(response.status);
      await sleep(wait);
    }
  }
}

/**
 * At most 7 messages a second into one conversation (Teams' limit per bot and conversation): each send takes the
 * next free slot of its conversation, so a burst of posts is spread instead of meeting 429s.
 */
export function pacer(perSecond = 7) {
  const gap = 1000 / perSecond;
  const next = new Map<string, number>();
  return async (conversation: string) => {
    const now = Date.now();
    const slot = Math.max(now, next.get(conversation) ?? 0);
    next.set(conversation, slot + gap);
    // Forget idle conversations, so the map holds only those in a burst.
    if (next.size > 1000) for (const [c, t] of next) if (t < now) next.delete(c);
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
  };
}

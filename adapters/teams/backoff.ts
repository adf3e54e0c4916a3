/**
 * Teams asks bots to back off on 429, 412, 502 and 504, and a 500 or 503 is an outage of the same kind (the SDK
 * retries none): exponential with jitter, or the server's Retry-After when it gives one. Other failures are not
 * retried here. With a deadline (an inbound request must be answered within Teams' ~15 s) a wait that would run
 * past it is not waited out; and when the retries are spent the send gives up too. Either way it fails with
 * `Later`, carrying how long Teams asked to wait, and the caller keeps the message for the scheduler.
 */
const RETRYABLE = new Set([429, 412, 500, 502, 503, 504]);

type Response = { status?: number; headers?: Record<string, string> };
const responseOf = (e: unknown): Response | undefined => (e as { response?: Response } | null)?.response;

/** A failure Teams asks to retry (a limit, an outage), as the SDK's error carries it. */
export const retryable = (e: unknown): boolean => {
  const status = responseOf(e)?.status;
  return status !== undefined && RETRYABLE.has(status);
};

/** The Retry-After a failure carries, in milliseconds (0 when it gives none). */
const retryAfterMs = (e: unknown): number => {
  const seconds = Number(responseOf(e)?.headers?.["retry-after"]);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

export class Later extends Error {
  override readonly name = "TeamsSendLater";
  readonly status: number;
  /** How long Teams asked to wait: a kept message is not sent again before it (the outbox's not-before time). */
  readonly retryAfterMs: number;
  constructor(status: number, retryAfterMs: number) {
    super(`Teams asked to wait (${status})`);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
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
      if (!retryable(e)) throw e;
      const status = responseOf(e)?.status as number;
      const asked = retryAfterMs(e);
      if (attempt >= tries) throw new Later(status, asked);
      const wait = asked > 0 ? asked : baseMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      if (Date.now() + wait > deadline) throw new Later(status, asked);
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

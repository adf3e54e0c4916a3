import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pacer } from "../../adapters/teams/backoff.ts";
import { ANNA, CLIENT_ID, JOOST, message, teamsTable } from "../support/teams.ts";

type T = Awaited<ReturnType<typeof teamsTable>>;
const TABLE = "teams-tenant-1-19-triage-thread-tacv2";

/** Teams' limits (issue #16 item 5): Retry-After never held inside a request, nothing lost, 7 messages a second. */
describe("Teams: 429s and Retry-After", () => {
  let t: T;
  beforeEach(async () => {
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(
      message(ANNA, "lid <at>Joost</at> school", {
        entities: [
          { type: "mention", text: "<at>Tafel</at>", mentioned: { id: `28:${CLIENT_ID}`, name: "Tafel" } },
          { type: "mention", text: "<at>Joost</at>", mentioned: JOOST },
        ],
      }),
    );
  });
  afterEach(() => t.stop());

  const kept = async () =>
    (await t.h.store.read(TABLE)).outbox.filter((e) => e.message.kind === "platform" && e.sentAt === null);

  it("keeps an answer that Teams asks to hold 16 s for the scheduler, instead of holding the request", async () => {
    const before = t.cloud.sent.length;
    // Without the budget the request would wait 16 s, past Teams' 15 s and this test's timeout.
    t.cloud.failWithRetryAfter("16", 429);
    const res = await t.post(message(JOOST, "help"));
    expect(res.status).toBe(200);
    expect(t.cloud.sent.length).toBe(before);
    const [entry] = await kept();
    expect(entry?.message).toMatchObject({ kind: "platform", platform: "teams", to: { member: "29:joost" } });
    // Kept with the 16 s Teams asked for: not due before then, whenever the scheduler's next tick comes.
    const waited = Date.parse(entry?.nextAttemptAt ?? "") - Date.parse(entry?.createdAt ?? "");
    expect(waited).toBeGreaterThanOrEqual(16_000);
    // The scheduler's turn: the answer arrives, in Joost's own chat, as it was composed.
    await t.teams.notifier.deliver(TABLE, entry?.message as never);
    expect(t.cloud.sent.slice(before)).toHaveLength(1);
    expect(t.cloud.sent.at(-1)?.conversation).toMatch(/^a:chat-/);
    expect(JSON.stringify(t.cloud.sent.at(-1)?.body)).toContain("signaal");
  });

  it("keeps a table post whose retries were spent, and sends it when the scheduler comes to it", async () => {
    const before = t.cloud.sent.length;
    t.cloud.failWith(429, 429, 429, 429);
    // A post to the table: four 429s spend the retries; the post is kept, not lost.
    await t.teams.notifier.deliver(TABLE, {
      kind: "mislukt",
      date: "2026-11-23",
      original: "dag:x",
      recipient: "tafel",
    });
    expect(t.cloud.sent.length).toBe(before);
    const [entry] = await kept();
    expect(entry?.message).toMatchObject({ to: { conversation: "19:triage@thread.tacv2" } });
    await t.teams.notifier.deliver(TABLE, entry?.message as never);
    expect(t.cloud.sent.slice(before).map((s) => s.conversation)).toEqual(["19:triage@thread.tacv2"]);
  });

  it("keeps a table post that Teams answers with a 500 or 503, as it keeps a 429", async () => {
    for (const status of [500, 503]) {
      const before = t.cloud.sent.length;
      t.cloud.failWith(status, status, status, status);
      await t.teams.notifier.deliver(TABLE, {
        kind: "mislukt",
        date: "2026-11-23",
        original: `dag:${status}`,
        recipient: "tafel",
      });
      expect(t.cloud.sent.length).toBe(before);
    }
    expect((await kept()).map((e) => e.message)).toHaveLength(2);
  });

  it("still waits out a short Retry-After inside the request, and answers there", async () => {
    const before = t.cloud.sent.length;
    t.cloud.failWith(429);
    await t.post(message(JOOST, "help"));
    expect(t.cloud.sent.length).toBe(before + 1);
    expect(await kept()).toEqual([]);
  });
});

describe("Teams: pacing", () => {
  afterEach(() => vi.useRealTimers());

  it("spaces sends into one conversation at 7 a second, and lets another conversation go at once", async () => {
    vi.useFakeTimers({ now: 0 });
    const pace = pacer(7);
    const times: Array<[string, number]> = [];
    const sends = [..."aaaaaaaab"].map((c) => pace(c).then(() => times.push([c, Date.now()])));
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(sends);
    const a = times.filter(([c]) => c === "a").map(([, at]) => at);
    expect(a).toHaveLength(8);
    for (let i = 1; i < a.length; i++)
      expect((a[i] as number) - (a[i - 1] as number)).toBeGreaterThanOrEqual(142);
    expect(times.find(([c]) => c === "b")?.[1]).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentScheduler } from "../support/harness.ts";
import { slackTable } from "../support/slack.ts";

type T = Awaited<ReturnType<typeof slackTable>>;

/** `/metrics` on the HTTP port (issue #32 item 3), scraped as Prometheus would, after real traffic. */
describe("the operator's figures", () => {
  let s: T;
  beforeEach(async () => {
    s = await slackTable();
  });
  afterEach(() => s.stop());

  const scrape = async () => {
    const res = await fetch(s.url.replace("/slack/events", "/metrics"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return res.text();
  };
  /** A sample's value, 0 when it is not there yet. */
  const value = (text: string, sample: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
    return line ? Number(line.split(" ")[1]) : 0;
  };

  it("counts commands by name and outcome with their latency, and shows the process, no pupil or table in a label", async () => {
    const before = await scrape();
    const ok = 'tafel_commands_total{command="leden",outcome="ok"}';
    const refused = 'tafel_commands_total{command="interventie",outcome="geweigerd"}';
    await s.slash("U1", "leden");
    await s.slash("U2", "signaal 2345678 ongeoorloofd 2 vrijdag");
    await s.slash("U2", "interventie C-1 waarschuwing");
    await s.settle();
    const after = await scrape();
    expect(value(after, ok) - value(before, ok)).toBe(1);
    expect(value(after, refused) - value(before, refused)).toBe(1);
    expect(value(after, 'tafel_command_seconds_count{command="signaal"}')).toBeGreaterThan(
      value(before, 'tafel_command_seconds_count{command="signaal"}'),
    );
    // Each of the three requests was timed to its ack.
    const acks = 'tafel_ack_seconds_count{platform="slack"}';
    expect(value(after, acks) - value(before, acks)).toBe(3);
    for (const name of [
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
      "nodejs_eventloop_lag_seconds",
    ])
      expect(after).toContain(`\n${name} `);
    expect(after).not.toMatch(/2345678|L-[0-9A-Z]{6}|slack-t1-c1|joost|Triage Druten/);
  });

  it("shows what the scheduler sent and still owes", async () => {
    await s.slash("U2", "signaal 2345678 ongeoorloofd 2 vrijdag");
    await s.slash("U3", 'actie C-1 @joost 25-11 "Bellen"');
    const before = await scrape();
    await silentScheduler(s.h.store).tick(new Date("2026-11-25T09:30:00Z"));
    const after = await scrape();
    expect(value(after, 'tafel_sends_total{result="sent"}')).toBeGreaterThan(
      value(before, 'tafel_sends_total{result="sent"}'),
    );
    expect(after).toContain("\ntafel_outbox_depth 0");
  });

  it("counts a platform's sends by result, a refusal by Slack as 4xx and a rate limit as 429", async () => {
    const { WebClient } = await import("@slack/web-api");
    const { slackNotifier } = await import("../../adapters/slack/notifier.ts");
    const { http, HttpResponse } = await import("msw");
    const notifier = slackNotifier(new WebClient("xoxb-test", { retryConfig: { retries: 0 } }), s.h.store);
    const failed = { kind: "mislukt", date: "2026-11-23", original: "dag:x", recipient: "joost" } as const;
    const before = await scrape();
    await notifier.deliver("slack-t1-c1", failed);
    s.api.server.use(
      http.post("https://slack.com/api/chat.postMessage", () =>
        HttpResponse.json({ ok: false, error: "channel_not_found" }),
      ),
    );
    await expect(notifier.deliver("slack-t1-c1", failed)).rejects.toThrow();
    s.api.server.use(
      http.post("https://slack.com/api/chat.postMessage", () =>
        HttpResponse.json(
          { ok: false, error: "ratelimited" },
          { status: 429, headers: { "Retry-After": "0" } },
        ),
      ),
    );
    await expect(
      slackNotifier(
        new WebClient("xoxb-test", { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }),
        s.h.store,
      ).deliver("slack-t1-c1", failed),
    ).rejects.toThrow();
    const after = await scrape();
    for (const result of ["ok", "4xx", "429"]) {
      const sample = `tafel_platform_sends_total{platform="slack",result="${result}"}`;
      expect(value(after, sample) - value(before, sample), result).toBe(1);
    }
  });
});

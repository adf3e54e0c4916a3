import { describe, expect, it } from "vitest";
import { generateTable, MEMBER_IDS } from "../../bench/generate.ts";
import { openMemoryStore } from "../../src/store/lowdb/store.ts";
import { slackTable, slashBody } from "../support/slack.ts";
import { message, TENANT, teamsTable } from "../support/teams.ts";

/**
 * The bench's busiest case (60 open agreements, 30 long decisions, 15 MAS steps, a note and a stuck reason) as
 * its card reaches each platform (issue #27 item 16): under 12,000 characters, the rest behind a count and a button.
 */
const officer = MEMBER_IDS[1] as string;
const busyTable = async (conversation: string) => {
  const store = await openMemoryStore();
  await store.create(generateTable({ id: "druk", conversation, cases: 50, seed: 7 }));
  return store;
};

describe("the busiest case's card", () => {
  it("reaches Slack under 12,000 characters, with the count of the rest and a button for all agreements", async () => {
    const s = await slackTable(undefined, { store: await busyTable("slack:T1:C1") });
    try {
      const res = await s.send(slashBody(officer, "casus C-1", "C1", "m1"));
      expect(res.status).toBe(200);
      expect(res.text.length).toBeLessThan(12_000);
      expect(res.text).toMatch(/en nog \d+ open: typ casus C-1 afspraken/);
      expect(res.text).toContain("casus C-1 afspraken");
      const page = await s.send(slashBody(officer, "casus C-1 afspraken pagina=2", "C1", "m1"));
      expect(page.text).toMatch(/Pagina 2 van \d+ \(\d+ afspraken\)/);
      expect(page.text.length).toBeLessThan(12_000);
    } finally {
      await s.stop();
    }
  });

  it("reaches Teams under 12,000 characters, from the person's own chat too", async () => {
    const conversation = `teams:${TENANT}:19:triage@thread.tacv2`;
    const t = await teamsTable({ store: await busyTable(conversation) });
    try {
      const before = t.cloud.sent.length;
      await t.post(message({ id: officer, name: "M1" }, "casus C-1"));
      const sent = t.cloud.sent.slice(before);
      expect(sent).toHaveLength(1);
      const card = JSON.stringify(sent[0]?.body);
      expect(card.length).toBeLessThan(12_000);
      expect(card).toContain("casus C-1 afspraken");
      expect(card).toContain("eerder: typ casus C-1 tijdlijn");
      expect(card).not.toContain("Afgekapt");
    } finally {
      await t.stop();
    }
  });
});

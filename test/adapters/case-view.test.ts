import { afterEach, describe, expect, it } from "vitest";
import { generateTable, MEMBER_IDS } from "../../bench/generate.ts";
import type { PostgresStore } from "../../src/store/postgres/store.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";
import { slackTable, slashBody } from "../support/slack.ts";
import { message, TENANT, teamsTable } from "../support/teams.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const officer = MEMBER_IDS[1] as string;
const school = MEMBER_IDS[3] as string;
const owner = MEMBER_IDS[4] as string;

/** A 30-case table on PostgreSQL in a conversation, and a fresh instance on it that has read nothing yet. */
async function coldTable(conversation: string) {
  const schema = await freshSchema();
  cleanups.push(schema.drop);
  const setup = await schema.open();
  await setup.create(generateTable({ id: "t", conversation, cases: 30, seed: 5 }));
  await setup.close();
  return { schema, store: await schema.open() };
}

/** The instance read views only, never the table, and the agreement is stored once. */
async function servedFromViews(
  schema: Awaited<ReturnType<typeof coldTable>>["schema"],
  store: PostgresStore,
) {
  expect(store.cacheStats()).toMatchObject({ tables: 0, loads: 0 });
  expect(store.cacheStats().views).toBeGreaterThan(0);
  const doc = await (await schema.open()).read("t");
  expect(doc.actions.filter((a) => a.caseId === "C-3" && a.text === "Gesprek plannen")).toHaveLength(1);
}

/**
 * Issue #32: what a platform does around a command about one case (the answer in the case's thread, the post to
 * the table, the message to an agreement's owner) reads the case's view too, so the instance never loads the table.
 */
describe.skipIf(!TEST_DATABASE_URL)("a command about one case on a platform, at a table not held", () => {
  it("Slack: the signal and the agreement are answered and posted without loading the table", async () => {
    const { schema, store } = await coldTable("slack:T1:C1");
    const s = await slackTable(undefined, { store });
    try {
      const signal = await s.send(slashBody(school, "signaal C-3 ongeoorloofd 2 20-11", "C1", "m3"));
      const action = await s.send(slashBody(officer, 'actie C-3 @m4 vrijdag "Gesprek plannen"', "C1", "m1"));
      const card = await s.send(slashBody(officer, "casus C-3", "C1", "m1"));
      await s.settle();
      expect([signal.status, action.status, card.status]).toEqual([200, 200, 200]);
      expect(card.text).toContain("Gesprek plannen");
      // The agreement's owner hears of it, and the case's thread of the signal.
      const posted = s.api.calls.filter((c) => c.method === "chat.postMessage");
      expect(posted.some((c) => c.body.channel === owner)).toBe(true);
      expect(posted.some((c) => c.body.channel === "C1")).toBe(true);
      await servedFromViews(schema, store);
    } finally {
      await s.stop();
    }
  });

  it("Teams: the same from a channel, without loading the table", async () => {
    const { schema, store } = await coldTable(`teams:${TENANT}:19:triage@thread.tacv2`);
    const t = await teamsTable({ store });
    try {
      const before = t.cloud.sent.length;
      await t.post(message({ id: school, name: "M3" }, "signaal C-3 ongeoorloofd 2 20-11"));
      await t.post(message({ id: officer, name: "M1" }, 'actie C-3 @m4 vrijdag "Gesprek plannen"'));
      await t.post(message({ id: officer, name: "M1" }, "casus C-3"));
      const sent = JSON.stringify(t.cloud.sent.slice(before));
      expect(sent).toContain("Gesprek plannen");
      expect(sent).toContain("C-3");
      await servedFromViews(schema, store);
    } finally {
      await t.stop();
    }
  });
});

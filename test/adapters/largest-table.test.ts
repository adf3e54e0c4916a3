import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/slack/render.ts";
import { replyCard } from "../../adapters/teams/render.ts";
import { generateTable, MEMBER_IDS } from "../../bench/generate.ts";
import { harness } from "../support/harness.ts";

/**
 * Every long answer of the largest table the bench generates (2,000 cases, about 40,000 signals), rendered for
 * Slack and Teams (issue #16, must show): within Block Kit's and Adaptive Cards' limits, and where something
 * had to give way, the answer says so.
 */
describe("the largest generated table on both platforms", async () => {
  const h = await harness({ at: "2027-03-10T09:00:00Z" });
  await h.store.create(generateTable({ id: "big", conversation: "console", cases: 2_000, seed: 7 }));
  const chair = MEMBER_IDS[0] as string;
  const say = (line: string) =>
    h.deps.use &&
    h.say(chair, line).then((o) => {
      expect(o.reply.error, line).toBeUndefined();
      return o.reply;
    });

  it.each(["casussen", "casussen open", "overleg agenda", "casus C-1", "mijn", "leden", "help regels"])(
    "%s",
    async (line) => {
      const reply = await say(line);
      const slack = renderReply(reply);
      expect(slack.blocks.length).toBeLessThanOrEqual(50);
      for (const b of slack.blocks as Array<{
        text?: { text: string };
        fields?: Array<{ text: string }>;
        elements?: unknown[];
      }>) {
        expect((b.text?.text ?? "").length).toBeLessThanOrEqual(3000);
        for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
        expect((b.elements ?? []).length).toBeLessThanOrEqual(25);
      }
      const card = replyCard(reply, "console");
      const json = JSON.stringify(card);
      expect(json.length).toBeLessThanOrEqual(28_000);
      // What a card could not hold is said in it, never dropped silently.
      const shown = reply.blocks.flatMap((b) => (b.type === "list" ? b.items : [])).length;
      if (json.length > 26_000) expect(json).toContain("Afgekapt");
      if (slack.blocks.length === 50 && shown > 100)
        expect(JSON.stringify(slack.blocks)).toMatch(/Afgekapt: nog \d+ regels/);
    },
  );
});

describe("casussen in pages on the largest generated table", async () => {
  const h = await harness({ at: "2027-03-10T09:00:00Z" });
  await h.store.create(generateTable({ id: "big", conversation: "console", cases: 2_000, seed: 7 }));
  const chair = MEMBER_IDS[0] as string;

  it("shows 50 a page, says where the rest is, and its buttons run the next and previous page", async () => {
    const first = (await h.say(chair, "casussen alle")).reply;
    const items = (r: typeof first) => r.blocks.flatMap((b) => (b.type === "list" ? b.items : []));
    expect(items(first)).toHaveLength(50);
    expect(JSON.stringify(first.blocks)).toContain(
      "Casussen 1–50 van 2000 (pagina 1 van 40). Verder: `casussen alle pagina=2`.",
    );
    expect(first.buttons?.map((b) => ("run" in b ? b.run : ""))).toEqual(["casussen alle pagina=2"]);
    const second = (await h.say(chair, "casussen alle pagina=2")).reply;
    expect(items(second)[0]).toMatch(/^C-51 /);
    expect(second.buttons?.map((b) => ("run" in b ? b.run : ""))).toEqual([
      "casussen alle pagina=1",
      "casussen alle pagina=3",
    ]);
    const last = (await h.say(chair, "casussen alle pagina=99")).reply;
    expect(items(last).at(-1)).toMatch(/^C-2000 /);
    expect(renderReply(second).blocks.length).toBeLessThan(50);
    expect(JSON.stringify(replyCard(second, "console"))).not.toContain("Afgekapt");
    expect((await h.say(chair, "casussen pagina=0")).reply.error?.code).toBe("argument-ongeldig");
  });
});

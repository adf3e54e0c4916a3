import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/slack/render.ts";
import { slackManifestYaml } from "../../manifest/build.ts";
import { loadConfig, slackConfig } from "../../src/config.ts";
import { tableWithMembers } from "../support/harness.ts";

/** The biggest case card a table is likely to see: long notes, 200 agreements, 100 decisions, 400 signals. */
async function largestCase() {
  const h = await tableWithMembers({ at: "2027-06-25T09:00:00Z" });
  await h.say("joost", `signaal 1234567 ongeoorloofd 2 1-9-2026 "${"Lange toelichting ".repeat(25)}"`);
  for (let i = 0; i < 200; i++)
    await h.say(
      "piet",
      `actie C-1 @joost over ${1 + (i % 30)} dagen "${"Afspraak met veel woorden ".repeat(15)}${i}"`,
    );
  for (let i = 0; i < 100; i++)
    await h.say("piet", `besluit C-1 "${"Besluit met een lange uitleg ".repeat(15)}${i}"`);
  for (let i = 0; i < 400; i++)
    await h.say("joost", `signaal 1234567 ${i % 2 ? "te-laat 1" : "ziek 1"} ${1 + (i % 28)}-2-2027`);
  return (await h.say("piet", "casus C-1")).reply;
}

describe("Slack rendering and setup", () => {
  it("keeps the largest case card within Block Kit's limits", async () => {
    const card = renderReply(await largestCase());
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    for (const b of card.blocks) {
      const text = (b as { text?: { text: string } }).text?.text ?? "";
      expect(text.length).toBeLessThanOrEqual(3000);
      for (const f of (b as { fields?: Array<{ text: string }> }).fields ?? [])
        expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    // 200 agreements and 100 decisions: the card shows the first few, under 12,000 characters, and says where the rest is.
    expect(JSON.stringify(card).length).toBeLessThan(12_000);
    expect(JSON.stringify(card)).toContain("en nog 195 open: typ casus C-1 afspraken");
  });

  it("has a manifest that matches the command registry", () => {
    const committed = readFileSync(join(import.meta.dirname, "../../manifest/slack/manifest.yml"), "utf8");
    expect(committed).toBe(slackManifestYaml());
    expect(committed).toContain("command: /tafel");
    expect(committed).toContain("callback_id: besluit_vastleggen");
  });

  it("refuses to start Slack without a signing secret, and runs the console without Slack settings", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "" })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
    expect(() => slackConfig(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" }))).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => slackConfig(loadConfig({ SLACK_SIGNING_SECRET: "s" }))).toThrow(/SLACK_BOT_TOKEN/);
    expect(slackConfig(loadConfig({}))).toBeNull();
    expect(
      slackConfig(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PORT: "8080" })),
    ).toMatchObject({ port: 8080 });
  });
});

describe("Teams rendering", () => {
  it("keeps the largest case card under 28 KB", async () => {
    const { replyActivity } = await import("../../adapters/teams/render.ts");
    const activity = replyActivity(await largestCase());
    expect(JSON.stringify(activity.attachments[0]?.content).length).toBeLessThan(28_000);
    expect(JSON.stringify(activity)).toContain("Casus C-1");
  });

  it("escapes link and emphasis syntax in user text", async () => {
    const { escapeMarkdown } = await import("../../adapters/teams/render.ts");
    expect(escapeMarkdown("[klik](https://evil.example) *goedgekeurd*")).toBe(
      "\\[klik\\]\\(https://evil.example\\) \\*goedgekeurd\\*",
    );
  });
});

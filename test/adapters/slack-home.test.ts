import { describe, expect, it } from "vitest";
import { fitted } from "../../adapters/slack/events.ts";
import { slackTable } from "../support/slack.ts";

type Block = { type: string; text?: { text: string } };

describe("Slack App Home at its limits", () => {
  it("cuts a section only between whole lines and counts what it left out", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `• A-${i + 1} ${"x".repeat(80)}`);
    const text = fitted("*Afspraken*", lines, (n) => `… en nog ${n}`);
    expect(text.length).toBeLessThanOrEqual(3000);
    const kept = text.split("\n").slice(1, -1);
    expect(kept.every((l) => lines.includes(l))).toBe(true);
    expect(text.split("\n").at(-1)).toBe(`… en nog ${lines.length - kept.length}`);
    expect(fitted("*Afspraken*", lines.slice(0, 3), (n) => `… ${n}`)).toBe(
      ["*Afspraken*", ...lines.slice(0, 3)].join("\n"),
    );
  });

  it("shows the tables with work first, within 100 blocks, and says how many more there are", async () => {
    const s = await slackTable();
    try {
      await s.slash("U2", "signaal 2345678 ongeoorloofd 4 vrijdag");
      for (let i = 0; i < 40; i++) await s.slash("U3", `setup "Tafel ${i + 2}"`, `C${i + 2}`);
      for (let i = 0; i < 30; i++)
        await s.slash(
          "U1",
          `actie C-1 <@U3|piet> 4-12 "Afspraak ${i + 1}: ${"bel de school over het rooster ".repeat(4)}"`,
        );
      await s.send(
        JSON.stringify({
          type: "event_callback",
          team_id: "T1",
          api_app_id: "A1",
          event_id: "EvHome",
          event_time: 2,
          event: { type: "app_home_opened", user: "U3", channel: "D1", tab: "home", event_ts: "2" },
        }),
        "json",
      );
      await s.settle();
      const published = s.api.of("views.publish").at(-1)?.body ?? { view: { blocks: [] } };
      const view = (published as { view: { blocks: Block[] } }).view;
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      // The table with the agreements comes first; 41 tables, 32 shown, the rest counted.
      expect(view.blocks[1]?.text?.text).toBe("Triage Druten");
      const sections = view.blocks.filter((b) => b.type === "section").map((b) => b.text?.text ?? "");
      expect(sections.every((t) => t.length <= 3000)).toBe(true);
      expect(sections[0]).toMatch(/… en nog \d+: typ mijn in het kanaal van de tafel\.$/);
      expect(sections.at(-1)).toBe(
        "Nog 9 tafels, met minder werk voor jou dan die hierboven: typ mijn in hun kanaal.",
      );
    } finally {
      await s.stop();
    }
  });
});

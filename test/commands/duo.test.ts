import { describe, expect, it } from "vitest";
import { dailyMessages } from "../../src/core/reminders.ts";
import { policyOf } from "../../src/core/rules/policy.ts";
import { tableWithMembers, text } from "../support/harness.ts";
import { calendar } from "../support/signals.ts";

/** A pupil over the threshold: 16 hours in the week of 16 November. */
async function meldplichtig() {
  const h = await tableWithMembers();
  await h.say("anna", "lid @vera verzuimcoordinator");
  await h.say("anna", "lid @mila mentor");
  await h.say("joost", "signaal 1234567 ongeoorloofd 10 16-11..18-11");
  await h.say("joost", "signaal 1234567 ongeoorloofd 6 19-11..20-11");
  return h;
}

describe("the DUO report as a tracked step", () => {
  it("shows a report still owed on the card, in casussen and on the agenda", async () => {
    const h = await meldplichtig();
    expect(text(await h.say("joost", "casus C-1"))).toContain(
      "Melding DUO: nog niet gemeld (meldplichtig sinds 23 nov 2026; termijn 5 schooldagen); na de melding: gemeld C-1",
    );
    expect(text(await h.say("joost", "casussen"))).toContain("nog niet gemeld bij DUO");
    expect(text(await h.say("joost", "overleg agenda"))).toMatch(/C-1: .*nog niet gemeld bij DUO/);
  });

  it("records the report by a school member, once, and shows it on the card and the timeline", async () => {
    const h = await meldplichtig();
    expect((await h.say("piet", "gemeld C-1")).reply.error?.code).toBe("rol-niet-toegestaan");
    expect((await h.say("joost", "gemeld C-1 morgen")).reply.error?.code).toBe("datum-in-toekomst");
    expect(text(await h.say("mila", "gemeld C-1 vrijdag"))).toContain(
      "Casus C-1: verzuimmelding bij DUO gedaan op 20 nov 2026.",
    );
    expect(text(await h.say("joost", "gemeld C-1"))).toContain("al gemeld bij DUO op vr 20 nov 2026");
    const card = text(await h.say("joost", "casus C-1"));
    expect(card).toContain("Melding DUO: gemeld bij DUO op 20 nov 2026 (@mila)");
    expect(card).toContain("Verzuimmelding bij DUO gedaan op 20 nov 2026 (@mila)");
    expect(text(await h.say("joost", "overleg agenda"))).not.toContain("nog niet gemeld");
    const block = (await h.say("anna", "export")).reply.blocks[0];
    const exported = JSON.parse(block?.type === "code" ? block.text : "{}");
    expect(exported.cases[0].duoReport).toEqual({ on: "2026-11-20", by: "mila" });
  });

  it("refuses a report for a case that is not meldplichtig", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1234567 ongeoorloofd 2 vrijdag");
    expect(text(await h.say("joost", "gemeld C-1"))).toContain("niet meldplichtig");
  });

  it("reminds who reports every school day until the report is made, and the chair once the deadline passed", async () => {
    const h = await meldplichtig();
    const day = async (date: string, policy = {}) =>
      dailyMessages(await h.store.read("console"), calendar("midden"), policyOf(policy), date)
        .filter((d) => d.message.kind === "dag" && (d.message.unreported ?? []).length > 0)
        .map((d) => (d.message.kind === "dag" ? d.message.to : ""))
        .sort();
    expect(await day("2026-11-24")).toEqual(["joost", "vera"]);
    // Crossed on Monday 23 Nov: five school days later, on Monday 30 Nov, the deadline (duo.termijn=5) has passed.
    expect(await day("2026-11-30")).toEqual(["joost", "vera"]);
    expect(await day("2026-12-01")).toEqual(["anna", "joost", "vera"]);
    expect(await day("2026-11-25", { duoDays: 1 })).toEqual(["anna", "joost", "vera"]);
    await h.say("vera", "gemeld C-1");
    expect(await day("2026-12-02")).toEqual([]);
  });

  it("tells the school and the table when a withdrawn signal makes the report no longer due", async () => {
    const h = await meldplichtig();
    const out = await h.say("joost", "signaal-intrekken S-2 bevestigd=ja");
    const told = out.posts.filter((p) => p.text.includes("de melding bij DUO is niet meer nodig"));
    expect(told.map((p) => (p.to.kind === "table" ? "tafel" : p.to.id)).sort()).toEqual([
      "joost",
      "tafel",
      "vera",
    ]);
    expect(text(await h.say("joost", "casus C-1"))).not.toContain("Melding DUO");
  });
});

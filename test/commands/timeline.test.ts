import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

/** A week of one case, typed as a table would. */
async function aWeek() {
  const h = await tableWithMembers();
  await h.say("anna", "lid @sanne jgz");
  await h.say("anna", "lid @kees wijkteam");
  await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
  await h.say("joost", "signaal 2345678 ziek 4 17-11");
  await h.say("joost", "regie C-1 neem");
  await h.say("joost", 'actie C-1 @piet vrijdag "Bellen"');
  await h.say("piet", "uitstel A-1 30-11");
  await h.say("anna", "overleg start");
  await h.say("joost", 'besluit C-1 "Gesprek met ouders"');
  await h.say("anna", "overleg stop");
  await h.say("joost", "signaal 2345678 ongeoorloofd 12 9-11..13-11");
  await h.say("piet", "klaar A-1");
  await h.say("piet", "interventie C-1 gesprek");
  return h;
}

const timelineOf = (out: string) =>
  out
    .split("Tijdlijn")[1]
    ?.split("\n")
    .filter((l) => l.includes(" · ") && !l.trim().startsWith("[")) ?? [];

describe("a case's timeline", () => {
  it("shows what happened, newest first, the last 10 on the card and all with tijdlijn", async () => {
    const h = await aWeek();
    const card = await h.say("joost", "casus C-1");
    const recent = timelineOf(text(card));
    expect(recent).toHaveLength(10);
    expect(recent[0]).toContain("Afspraak A-1 klaar (@piet)");
    expect(recent[1]).toContain("Meldgrens bereikt");
    expect(text(card)).toContain("Nog 2 eerder: typ casus C-1 tijdlijn.");
    const all = timelineOf(text(await h.say("joost", "casus C-1 tijdlijn")));
    expect(all.at(-1)).toContain("Casus geopend (@joost)");
    expect(all.join("\n")).toMatch(
      /Signaal S-3: 12 uur ongeoorloofd verzuim van ma 9 t\/m vr 13 nov \(@joost\)/,
    );
    expect(all.join("\n")).toContain("Afspraak A-1 uitgesteld van 27 nov 2026 naar 30 nov 2026 (@piet)");
    expect(all.join("\n")).toContain("Besproken in overleg O-1");
    expect(all.join("\n")).toContain("Regie naar @joost (door @joost)");
  });

  it("shows health and enforcement entries only to those who may see them", async () => {
    const h = await aWeek();
    const school = timelineOf(text(await h.say("joost", "casus C-1 tijdlijn"))).join("\n");
    const wijkteam = timelineOf(text(await h.say("kees", "casus C-1 tijdlijn"))).join("\n");
    const officer = timelineOf(text(await h.say("piet", "casus C-1 tijdlijn"))).join("\n");
    expect(school).toContain("ziek gemeld");
    expect(wijkteam).not.toContain("ziek");
    expect(officer).not.toContain("ziek");
    expect(officer).toContain("Interventie gesprek");
    expect(school).not.toContain("Interventie");
  });

  it("keeps the names of those who left", async () => {
    const h = await aWeek();
    await h.say("joost", "regie C-1 @piet");
    await h.say("anna", "lid-af @joost bevestigd=ja");
    expect(timelineOf(text(await h.say("piet", "casus C-1 tijdlijn"))).join("\n")).toContain(
      "Signaal S-1: 4 uur ongeoorloofd verzuim op ma 16 nov (@joost)",
    );
  });
});

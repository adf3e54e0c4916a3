import { describe, expect, it } from "vitest";
import { createSession } from "../../adapters/console/session.ts";
import { type harness, tableWithMembers, text } from "../support/harness.ts";

/** Everything the store holds of the table: a question must leave it exactly as it was. */
const snapshot = async (h: Awaited<ReturnType<typeof harness>>) =>
  JSON.stringify(await h.store.read("console"));

describe("destructive commands say what will happen and ask once", () => {
  it("sluit: says what closing leaves behind, closes only on yes", async () => {
    const h = await tableWithMembers();
    // Three school weeks ago: the absence has stopped, so no reason is needed (TH-16).
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 2-11");
    await h.say("piet", "regie C-1 neem");
    const before = await snapshot(h);
    const asked = await h.say("piet", "sluit C-1 schoolgang-hervat");
    expect(asked.reply.visibility).toBe("private");
    expect(text(asked)).toContain(
      "Je sluit casus C-1 met uitstroom «schoolgang hervat» (signalen: 1; regie: @piet)",
    );
    expect(asked.reply.buttons).toEqual([
      { label: "Ja, doorgaan", run: "sluit C-1 schoolgang-hervat bevestigd=ja" },
      { label: "Nee", run: "nee" },
    ]);
    expect(asked.confirm).toBe("sluit C-1 schoolgang-hervat bevestigd=ja");
    expect(await snapshot(h)).toBe(before);
    expect(text(await h.say("piet", asked.confirm as string))).toContain("Casus C-1 is gesloten");
    expect((await h.store.read("console")).audit.filter((e) => e.event === "casus.gesloten")).toHaveLength(1);
  });

  it("asks only when the step would succeed: a refusal comes at once", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 vrijdag");
    await h.say("piet", 'actie C-1 @joost vrijdag "Bellen"');
    const out = await h.say("piet", "sluit C-1 schoolgang-hervat");
    expect(out.reply.error?.code).toBe("casus-heeft-open-afspraken");
    expect(out.confirm).toBeUndefined();
    // Who may not do it is refused before any question, too.
    expect((await h.say("joost", "lid-af @piet")).reply.error?.code).toBe("rol-niet-toegestaan");
  });

  it("lid-af, signaal-intrekken and besluit-intrekken show what they take away", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 vrijdag");
    await h.say("joost", "signaal 2345678 ongeoorloofd 3 donderdag");
    await h.say("joost", 'besluit C-1 "Gesprek met ouders"');
    const before = await snapshot(h);
    expect(text(await h.say("anna", "lid-af @joost"))).toContain(
      "Je haalt @joost (zorgcoördinator) van de tafel: @joost krijgt geen berichten meer",
    );
    expect((await h.say("anna", "lid-af @anna")).reply.error?.code).toBe("laatste-voorzitter");
    const withdraw = text(await h.say("joost", "signaal-intrekken S-1"));
    expect(withdraw).toContain("Je trekt signaal S-1 in: 4 uur ongeoorloofd verzuim op vr 20 nov bij C-1");
    expect(withdraw).toContain("gaat van 7 naar 3 uur");
    expect(text(await h.say("joost", 'besluit-intrekken B-1 "Verkeerde casus"'))).toContain(
      "Je trekt besluit B-1 bij C-1 van ma 23 nov 2026 in: «Gesprek met ouders»",
    );
    expect(await snapshot(h)).toBe(before);
    await h.say("joost", "signaal-intrekken S-1 bevestigd=ja");
    expect((await h.store.read("console")).cases[0]?.signals[0]?.withdrawnAt).not.toBeNull();
  });
});

describe("likely duplicates are asked about, not added silently", () => {
  it("a second signal of the same kind on an overlapping day, from another partner", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag");
    const before = await snapshot(h);
    const asked = await h.say("piet", "signaal 2345678 ongeoorloofd 2 20-11");
    expect(text(asked)).toContain(
      "Bij C-1 staat al signaal S-1 van @joost: 2 uur ongeoorloofd verzuim op vr 20 nov.",
    );
    expect(await snapshot(h)).toBe(before);
    // The yes names the case, never the pupil number: a button keeps no number in Slack or Teams.
    expect(asked.confirm).toBe("signaal C-1 ongeoorloofd 2 20-11 bevestigd=ja");
    expect(JSON.stringify(asked.reply)).not.toContain("2345678");
    expect(text(await h.say("piet", asked.confirm as string))).toContain("Signaal S-2");
    // A period that covers the day is a likely duplicate too; another kind, day or a withdrawn one is not.
    expect((await h.say("piet", "signaal 2345678 ongeoorloofd 6 16-11..20-11")).confirm).toBeDefined();
    expect((await h.say("piet", "signaal 2345678 te-laat 1 20-11")).confirm).toBeUndefined();
    expect((await h.say("piet", "signaal 2345678 ongeoorloofd 1 19-11")).confirm).toBeUndefined();
    await h.say("piet", "signaal-intrekken S-4 bevestigd=ja");
    expect((await h.say("piet", "signaal 2345678 ongeoorloofd 1 19-11")).confirm).toBeUndefined();
  });

  it("an agreement worded like an open one on the case", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag");
    await h.say("piet", 'actie C-1 @joost vrijdag "Ouders bellen"');
    const asked = await h.say("piet", 'actie C-1 @piet 4-12 "ouders  bellen."');
    expect(text(asked)).toContain("Bij C-1 staat al open afspraak A-1 met @joost, uiterlijk vr 27 nov 2026");
    expect((await h.store.read("console")).actions).toHaveLength(1);
    await h.say("joost", "klaar A-1");
    expect((await h.say("piet", 'actie C-1 @piet 4-12 "Ouders bellen"')).confirm).toBeUndefined();
    expect((await h.store.read("console")).actions).toHaveLength(2);
  });

  it("`nee` and a stray `ja` change nothing and say so", async () => {
    const h = await tableWithMembers();
    expect(text(await h.say("joost", "nee"))).toContain("Niets gedaan");
    expect(text(await h.say("joost", "ja"))).toContain("Er staat geen vraag open");
  });
});

describe("the console answers a question with the next line", () => {
  const session = async (autoYes = false) => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 2-11");
    const lines: string[] = [];
    const s = createSession(
      { ...h.deps, background: h.background, scheduler: null },
      h.clock,
      "anna",
      true,
      (l) => lines.push(l),
      "rapporten",
      autoYes,
    );
    return { h, s, lines };
  };

  it("ja carries it out, nee does not, and any other line drops the question first", async () => {
    const { h, s } = await session();
    expect((await s.line("sluit C-1 verhuisd")).join("\n")).toContain("Doorgaan? Ja of nee.");
    expect(await s.line("nee")).toEqual([
      "anna> nee",
      "  [privé → @anna] Niets gedaan: er is niets vastgelegd.",
    ]);
    await s.line("sluit C-1 verhuisd");
    const dropped = await s.line("casussen");
    expect(dropped[0]).toBe("  [console] Niet bevestigd: niets gedaan.");
    expect((await h.store.read("console")).cases[0]?.status).toBe("open");
    await s.line("sluit C-1 verhuisd");
    expect((await s.line("ja")).join("\n")).toContain("anna> ja\n  [tafel] Casus C-1 is gesloten: verhuisd.");
  });

  it("--ja answers every question yes, for scripts written before Tafel asked", async () => {
    const { h, s } = await session(true);
    const out = (await s.line("sluit C-1 verhuisd")).join("\n");
    expect(out).toContain("[console] --ja: bevestigd");
    expect((await h.store.read("console")).cases[0]?.status).toBe("closed");
  });
});

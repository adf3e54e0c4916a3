import { describe, expect, it } from "vitest";
import { weeklyDigest } from "../../src/core/reminders.ts";
import { evaluateCase } from "../../src/core/rules/evaluate.ts";
import { policyOf } from "../../src/core/rules/policy.ts";
import { tableWithMembers, text } from "../support/harness.ts";
import { calendar } from "../support/signals.ts";

describe("find your pupil", () => {
  it("finds the case by pupil number privately, and never says the number back", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 vrijdag");
    const out = await h.say("joost", "zoek 2345678");
    expect(out.reply.visibility).toBe("private");
    expect(text(out)).toContain("Deze leerling heeft casus C-1 aan deze tafel.");
    expect(JSON.stringify(out)).not.toContain("2345678");
    expect(out.posts).toEqual([]);
    const none = await h.say("joost", "zoek 7654321");
    expect(none.reply.visibility).toBe("private");
    expect(text(none)).toContain("Deze leerling heeft geen casus aan deze tafel.");
    expect(JSON.stringify(none)).not.toContain("7654321");
    // A lookup is a read: on record in the store's read log, not in the table.
    const trail = (await h.store.reads("console", {})).filter((e) => e.event === "casus.gezocht");
    expect(trail.map((e) => e.caseId)).toEqual(["C-1", null]);
    expect(JSON.stringify(await h.store.read("console"))).not.toContain("7654321");
    expect(JSON.stringify(trail)).not.toContain("7654321");
  });

  it("finds a pupil only at its own table: the key is per table", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 vrijdag");
    await h.say("anna", "setup Andere tafel regio=midden", "other");
    expect(text(await h.say("anna", "zoek 2345678", "other"))).toContain("geen casus");
  });
});

describe("casussen filters", () => {
  async function three() {
    const h = await tableWithMembers();
    await h.say("anna", "lid @fatima zorgcoordinator");
    await h.say("joost", "signaal 1111111 ongeoorloofd 16 16-11..20-11 school=12AB");
    await h.say("joost", "signaal 2222222 ongeoorloofd 2 vrijdag school=34CD");
    await h.say("joost", "signaal 3333333 te-laat 1 vrijdag grondslag=toestemming-ouders");
    await h.say("joost", "regie C-1 neem");
    await h.say("joost", 'actie C-2 @fatima vrijdag "Bellen"');
    return h;
  }
  const ids = (out: string) => [...out.matchAll(/^\s+- (C-\d+)/gm)].map((m) => m[1]);

  it.each([
    ["casussen", ["C-1", "C-2", "C-3"]],
    ["casussen mijn", ["C-1"]],
    ["casussen aan-zet @fatima", ["C-2"]],
    ["casussen zonder-regie", ["C-2", "C-3"]],
    ["casussen meldplichtig", ["C-1"]],
    ["casussen zonder-regie school=34CD", ["C-2"]],
    ["casussen laag 1", ["C-2", "C-3"]],
    ["casussen meldplichtig laag 1", []],
  ])("%s", async (line, want) => {
    const h = await three();
    const out = await h.say("joost", line);
    expect(out.reply.error).toBeUndefined();
    expect(ids(text(out))).toEqual(want);
  });

  it("says whose move it is: the earliest open agreement's owner, else the regie holder, else the table", async () => {
    const h = await three();
    const list = text(await h.say("joost", "casussen"));
    expect(list).toMatch(/C-1 .*aan zet: @joost \(regie\)/);
    expect(list).toMatch(/C-2 .*aan zet: @fatima \(A-1\)/);
    expect(list).toMatch(/C-3 .*aan zet: de tafel/);
    expect(text(await h.say("joost", "casus C-2"))).toContain("Aan zet: @fatima (A-1)");
  });

  it("says which filter it did not understand", async () => {
    const h = await three();
    expect(text(await h.say("joost", "casussen laag 4"))).toContain("laag 1, 2 of 3");
    expect(text(await h.say("joost", "casussen mijn rood"))).toContain("aan-zet @…");
    expect(text(await h.say("joost", "casussen aan-zet @niemand"))).toContain("@niemand is geen lid");
  });
});

describe("whose move it is, one reading everywhere", () => {
  it("the card, `casussen aan-zet` and the weekly digest name the earliest open agreement's owner; `mijn` is every case one is part of", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 vrijdag");
    await h.say("piet", "regie C-1 neem");
    await h.say("piet", 'actie C-1 @joost 1-12 "Ouders bellen"');
    await h.say("piet", 'actie C-1 @piet 8-12 "Huisbezoek plannen"');
    const ids = async (who: string, line: string) =>
      [...text(await h.say(who, line)).matchAll(/^\s+- (C-\d+)/gm)].map((m) => m[1]);
    expect(text(await h.say("piet", "casus C-1"))).toContain("Aan zet: @joost");
    expect(await ids("piet", "casussen aan-zet @joost")).toEqual(["C-1"]);
    // Piet holds regie and an agreement, but it is Joost's move: he is not at turn, though it is his case.
    expect(await ids("piet", "casussen aan-zet @piet")).toEqual([]);
    expect(await ids("piet", "casussen mijn")).toEqual(["C-1"]);
    const doc = await h.store.read("console");
    const cal = calendar("midden");
    const digest = weeklyDigest(doc, (c) => evaluateCase(c, cal, policyOf({}), "2026-11-27"), "2026-11-27");
    const week = digest.message;
    expect(week.kind === "week" ? week.cases?.map((c) => c.atTurn) : null).toEqual([["joost"]]);
  });
});

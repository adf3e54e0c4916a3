import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

type Out = { posts: readonly { to: { kind: string; handle?: string }; text: string }[] };
const nadert = (o: Out) => o.posts.filter((p) => p.text.includes("nadert de meldgrens"));

/** The region's choice below the threshold, `beleid intake=…` (domain.md §6.1, FR-15; issue #13 item 14). */
describe("the table's intake mode", () => {
  it.each([
    ["preventief", true, null],
    ["consult", false, /alleen anoniem mee \(beleid intake=consult\).*consult "…"/],
    ["wettelijk", false, /pas mee vanaf de meldgrens \(beleid intake=wettelijk\)/],
  ] as const)("under intake=%s, below the threshold", async (mode, leerplichtTakesPart, refusal) => {
    const h = await tableWithMembers();
    expect(text(await h.say("anna", `beleid intake=${mode}`))).toContain(`intake=${mode}`);
    const first = await h.say("joost", "signaal 2345678 ongeoorloofd 6 16-11");
    const doc = await h.store.read("console");
    // Regie stays with the school where leerplicht does not take part (FR-15).
    expect(doc.cases[0]?.regie?.holder ?? null).toBe(leerplichtTakesPart ? null : "joost");
    if (!leerplichtTakesPart) expect(text(first)).toMatch(/blijft de regie bij de school/);
    // Leerplicht hears of a nearing case only where it takes part below the threshold.
    expect(nadert(await h.say("joost", "signaal 2345678 ongeoorloofd 6 17-11")).length).toBe(
      leerplichtTakesPart ? 1 : 0,
    );
    for (const line of ['actie C-1 @piet vrijdag "Gesprek met ouders"', "regie C-1 @piet"]) {
      const out = await h.say("anna", line);
      if (refusal) expect(text(out)).toMatch(refusal);
      else expect(out.reply.error).toBeUndefined();
    }
    // The school's own work goes on in every mode.
    expect((await h.say("anna", 'actie C-1 @joost vrijdag "Mentorgesprek"')).reply.error).toBeUndefined();
  });

  it("lets leerplicht in once the law gives it a task: from the threshold, in every mode", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "beleid intake=wettelijk");
    for (const day of ["16-11", "17-11"]) await h.say("joost", `signaal 2345678 ongeoorloofd 6 ${day}`);
    expect(text(await h.say("anna", "regie C-1 @piet"))).toMatch(/intake=wettelijk/);
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 18-11");
    expect((await h.say("anna", "regie C-1 @piet")).reply.error).toBeUndefined();
    expect((await h.store.read("console")).cases[0]?.regie?.holder).toBe("piet");
  });

  it("under consult lets leerplicht in at the parents' request and on an anonymous consult, not under wettelijk", async () => {
    for (const [mode, allowed] of [
      ["consult", true],
      ["wettelijk", false],
    ] as const) {
      const h = await tableWithMembers();
      await h.say("anna", `beleid intake=${mode}`);
      await h.say("joost", "signaal 2345678 ziek 4 16-11 grondslag=toestemming-ouders");
      await h.say("joost", 'consult "Mag een school een leerling naar huis sturen?"');
      for (const id of ["C-1", "C-2"])
        expect((await h.say("anna", `actie ${id} @piet vrijdag "Meedenken"`)).reply.error === undefined).toBe(
          allowed,
        );
    }
  });

  it("moves an agreement to leerplicht only where leerplicht may take part", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "beleid intake=consult");
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 16-11");
    await h.say("anna", 'actie C-1 @joost vrijdag "Gesprek"');
    expect(text(await h.say("anna", "actie A-1 eigenaar=@piet"))).toMatch(/intake=consult/);
    expect((await h.store.read("console")).actions[0]?.owner).toBe("joost");
  });

  it("refuses an unknown mode with the choices", async () => {
    const h = await tableWithMembers();
    const out = await h.say("anna", "beleid intake=soms");
    expect(out.reply.error).toBeDefined();
    expect((await h.store.read("console")).policy).toEqual({});
  });
});

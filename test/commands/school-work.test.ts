import { describe, expect, it } from "vitest";
import { dailyMessages } from "../../src/core/reminders.ts";
import { annualFigures, schoolYear } from "../../src/core/report.ts";
import { policyOf } from "../../src/core/rules/policy.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import { silentScheduler, tableWithMembers, text } from "../support/harness.ts";

/** Leerplicht's work at school level (issue #28 items 4–6): advice, system signals, preventive actions. */
async function withSchools() {
  const h = await tableWithMembers({ at: "2026-11-09T09:00:00Z" });
  for (const line of [
    'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten',
    'school 34CD00 naam="Basisschool De Linde" type=po gemeente=Druten',
  ])
    expect((await h.say("anna", line)).reply.error).toBeUndefined();
  return h;
}

describe("leerplicht's school-level work", () => {
  it("advises a school with a follow-up date that reminds the officer until it is done", async () => {
    const h = await withSchools();
    const given = await h.say(
      "piet",
      'advies 12AB00 registratie "Ziekmeldingen na drie dagen nabellen" volgen=16-11',
    );
    expect(text(given)).toContain("AD-1 aan 12AB00 over registratie (@piet)");
    expect((await h.say("joost", 'advies 12AB00 verlof "Zelf bedacht"')).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect((await h.say("piet", 'advies 99ZZ00 verlof "Nergens"')).reply.error?.code).toBe("school-onbekend");
    const doc = await h.store.read("console");
    const cal = calendarCache().forTable(doc);
    const policy = policyOf(doc.policy);
    const on = (date: string) =>
      dailyMessages(doc, cal, policy, date).find((d) => d.message.kind === "dag" && d.message.to === "piet");
    expect(on("2026-11-13")).toBeUndefined();
    expect(on("2026-11-16")?.message).toMatchObject({ advice: [{ id: "AD-1", overdue: false }] });
    // Overdue: told again a school week later, not every day.
    expect(on("2026-11-17")).toBeUndefined();
    expect(on("2026-11-23")?.message).toMatchObject({ advice: [{ id: "AD-1", overdue: true }] });
    expect(text(await h.say("piet", "advies AD-1 opgevolgd"))).toContain("de herinnering stopt");
    const after = await h.store.read("console");
    expect(
      dailyMessages(after, cal, policy, "2026-11-23").some(
        (d) => d.message.kind === "dag" && d.message.to === "piet",
      ),
    ).toBe(false);
    expect(text(await h.say("joost", "school 12AB00"))).toContain("Adviezen aan deze school");
  });

  it("loses its texts after the table's retention, as a case does, and keeps its counts", async () => {
    const h = await withSchools();
    await h.say("piet", 'advies 12AB00 verlof "Verlof rond de kerst tijdig beoordelen"');
    await h.say("piet", 'preventief 12AB00 poortactie 9-11 "Bij de ingang"');
    await h.say("piet", 'systeemsignaal "Toetsweken" scholen=12AB00');
    await h.say("anna", "systeemsignaal SY-1 status=afgesloten");
    await h.say("anna", "beleid bewaren.maanden=12");
    // A day before the year is up nothing goes; on it, the texts do.
    await silentScheduler(h.store).tick(new Date("2027-11-08T09:30:00Z"));
    expect((await h.store.read("console")).advice[0]?.text).toBe("Verlof rond de kerst tijdig beoordelen");
    await silentScheduler(h.store).tick(new Date("2027-11-09T09:30:00Z"));
    const doc = await h.store.read("console");
    expect([doc.advice[0]?.text, doc.schoolEvents[0]?.note, doc.systemSignals[0]?.text]).toEqual([
      "(verwijderd)",
      null,
      "(verwijderd)",
    ]);
    expect(doc.audit.at(-1)).toMatchObject({ event: "school.opgeschoond", subject: "3" });
    expect(
      annualFigures(doc, schoolYear("2026-2027") as NonNullable<ReturnType<typeof schoolYear>>).schoolWork,
    ).toMatchObject({
      advice: 1,
      poortactie: 1,
      systemSignals: 1,
    });
  });

  it("registers a bottleneck across schools and moves it along the policy agenda", async () => {
    const h = await withSchools();
    const raised = await h.say(
      "piet",
      'systeemsignaal "Ziekmeldingen rond toetsweken lopen op" scholen=12AB00,34CD00 thema=ziekteverzuim',
    );
    expect(text(raised)).toContain("SY-1 [nieuw] (ziekteverzuim)");
    expect((await h.say("piet", 'systeemsignaal "Elders" scholen=99ZZ00')).reply.error?.code).toBe(
      "school-onbekend",
    );
    expect(text(await h.say("anna", "systeemsignaal SY-1 status=geagendeerd"))).toContain(
      "SY-1 [geagendeerd]",
    );
    expect((await h.say("joost", "systeemsignaal SY-1 status=afgesloten")).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect(text(await h.say("joost", "systeemsignaal"))).toContain(
      "Systeemsignalen voor de beleidsagenda (1)",
    );
  });

  it("records preventive actions by kind, shows them per school and counts them in the annual report", async () => {
    const h = await withSchools();
    expect(
      (await h.say("piet", 'preventief 12AB00 poortactie 9-11 "Bij de ingang"')).reply.error,
    ).toBeUndefined();
    expect(
      (await h.say("piet", "preventief 34CD00 voorlichting 6-11 voor=ouders")).reply.error,
    ).toBeUndefined();
    // Recorded once done: not a day ahead.
    expect((await h.say("piet", "preventief 34CD00 luxe-verzuimactie 20-11")).reply.error?.code).toBe(
      "actie-in-toekomst",
    );
    expect((await h.say("joost", "preventief 12AB00 poortactie 9-11")).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect(text(await h.say("anna", "preventief 34CD00"))).toContain(
      "PA-2 6 nov 2026: voorlichting (voor ouders) op 34CD00",
    );
    await h.say("piet", 'advies 12AB00 verlof "Verlof rond de kerst tijdig beoordelen"');
    const figures = annualFigures(
      await h.store.read("console"),
      schoolYear("2026-2027") as NonNullable<ReturnType<typeof schoolYear>>,
    );
    expect(figures.schoolWork).toEqual({
      advice: 1,
      poortactie: 1,
      luxe: 0,
      voorlichting: 1,
      systemSignals: 0,
    });
    expect(text(await h.say("anna", "rapport 2026-2027"))).toContain(
      "Op schoolniveau: 1 adviezen aan scholen, 1 poortacties, 0 luxe-verzuimacties, 1 voorlichtingen, 0 systeemsignalen.",
    );
  });
});

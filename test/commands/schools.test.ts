import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

/** Schools as a table records them (issue #28 item 1, FR-36): the school layer's unit, with no pupil data. */
describe("the table's schools", () => {
  const record =
    'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten leerjaren=1-6 contact=@joost leerplicht=@piet';

  it("are recorded by the chair or leerplicht, read by every member, by location or by BRIN", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    expect(text(await h.say("anna", record))).toContain(
      "School vastgelegd: 12AB00 Maaswaal College (vo, Druten) · leerjaren 1–6 · contact @joost · leerplicht @piet",
    );
    expect(
      text(await h.say("piet", 'school 12AB01 naam="Maaswaal College Wijchen" type=vo gemeente=Wijchen')),
    ).toContain("School vastgelegd");
    // The school's own member reads them, and may not change them.
    expect((await h.say("joost", "school 12AB00 leerplicht=@joost")).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect(text(await h.say("joost", "school 12AB"))).toMatch(/12AB00 Maaswaal College[\s\S]*12AB01/);
    expect(text(await h.say("joost", "school"))).toContain("Scholen van de tafel (2)");
    expect((await h.say("anna", "school 99ZZ00")).reply.error?.code).toBe("school-onbekend");
    // A change keeps what it does not name.
    await h.say("piet", "school 12AB00 leerjaren=1-4");
    const [first] = (await h.store.read("console")).schools;
    expect(first).toMatchObject({
      code: "12AB00",
      name: "Maaswaal College",
      yearGroups: ["1", "2", "3", "4"],
      officer: "piet",
    });
    expect((await h.store.read("console")).audit.map((e) => [e.event, e.subject]).slice(-3)).toEqual([
      ["school.toegevoegd", "12AB00"],
      ["school.toegevoegd", "12AB01"],
      ["school.gewijzigd", "12AB00"],
    ]);
  });

  it("need a name and type when new, a school member as contact and a leerplichtambtenaar as officer", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    expect((await h.say("anna", "school 12AB00 type=vo")).reply.error?.code).toBe("school-nieuw");
    expect(
      (await h.say("anna", 'school 12AB00 naam="X College" type=vo contact=@piet')).reply.error?.code,
    ).toBe("school-contact-rol");
    expect(
      (await h.say("anna", 'school 12AB00 naam="X College" type=vo leerplicht=@joost')).reply.error?.code,
    ).toBe("school-leerplicht-rol");
    expect(
      (await h.say("anna", 'school 12AB00 naam="X College" type=vo leerjaren=9')).reply.error?.code,
    ).toBe("argument-ongeldig");
    expect((await h.say("anna", 'school 1A00 naam="X College" type=vo')).reply.error?.code).toBeDefined();
    expect((await h.store.read("console")).schools).toEqual([]);
  });

  it("may carry a person's name only as a school's name: with the school word in it", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    expect(
      (await h.say("anna", 'school 34CD00 naam="Basisschool De Linde" type=po')).reply.error,
    ).toBeUndefined();
    expect(
      (await h.say("anna", 'school 56EF00 naam="Jan Ligthartschool" type=po')).reply.error,
    ).toBeUndefined();
    const refused = await h.say("anna", 'school 78GH00 naam="Mevr. Jansen" type=mbo');
    expect(refused.reply.error?.code).toBe("pii");
    expect(refused.echo).toBe("school «geweigerd»");
    // Another field of the line gets no such leeway.
    expect((await h.say("anna", 'school 34CD00 gemeente="Jan Jansen"')).reply.error?.code).toBe("pii");
    expect((await h.store.read("console")).schools.map((s) => s.name)).toEqual([
      "Basisschool De Linde",
      "Jan Ligthartschool",
    ]);
  });

  it("are what a signal's school= names, once the table records any: an unknown code is refused with the list", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    // A table without schools takes any code, as before.
    expect(
      (await h.say("joost", "signaal 2345678 ongeoorloofd 2 20-11 school=11XX")).reply.error,
    ).toBeUndefined();
    await h.say("anna", record);
    await h.say("anna", 'school 12AB01 naam="Maaswaal College Wijchen" type=vo');
    const unknown = await h.say("joost", "signaal 2345678 ongeoorloofd 2 19-11 school=99ZZ00");
    expect(unknown.reply.error?.code).toBe("school-onbekend");
    expect(text(unknown)).toContain("Bekend: 12AB00, 12AB01");
    expect((await h.say("joost", "signaal 2345678 ongeoorloofd 2 19-11 school=12AB")).reply.error?.code).toBe(
      "school-welke-locatie",
    );
    expect(
      (await h.say("joost", "signaal 2345678 ongeoorloofd 2 19-11 school=12ab00")).reply.error,
    ).toBeUndefined();
    expect((await h.store.read("console")).cases[0]?.signals.map((s) => s.school)).toEqual([
      "11XX",
      "12AB00",
    ]);
  });

  it("are in the export, their contacts by handle and their own protocol triggers", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("anna", record);
    await h.say("anna", "beleid school=12AB00 te-laat.aantal=5");
    const block = (await h.say("anna", "export")).reply.blocks[0];
    const data = JSON.parse(block?.type === "code" ? block.text : "{}");
    expect(data.schools).toEqual([
      {
        code: "12AB00",
        name: "Maaswaal College",
        kind: "vo",
        yearGroups: ["1", "2", "3", "4", "5", "6"],
        municipality: "Druten",
        contact: "joost",
        officer: "piet",
        policy: { lateCount: 5 },
      },
    ]);
  });
});

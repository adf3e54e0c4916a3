import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dispatch } from "../../commands/dispatch.ts";
import { tableWithMembers, text } from "../support/harness.ts";

/** Absence figures per school and month (issue #28 item 2, FR-10): aggregated only, all or nothing. */
const root = join(import.meta.dirname, "../..");
const example = (name: string) => readFileSync(join(root, "examples", name), "utf8");

async function withSchools() {
  const h = await tableWithMembers({ at: "2026-10-05T09:00:00Z" });
  for (const line of [
    'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten leerjaren=1-6',
    'school 12AB01 naam="Maaswaal College Wijchen" type=vo gemeente=Wijchen',
    'school 34CD00 naam="Basisschool De Linde" type=po gemeente=Druten',
    'school 56EF00 naam="ISK De Brug" type=isk gemeente=Druten',
  ])
    expect((await h.say("anna", line)).reply.error).toBeUndefined();
  /** `cijfers` with a file sent along, as a platform delivers a dropped file. */
  const deliver = (who: string, name: string, body: string) =>
    dispatch(h.deps, {
      text: "cijfers",
      actor: { id: who, handle: who },
      conversation: "console",
      correlationId: `f-${name}`,
      file: { name, text: body },
    });
  return { h, deliver };
}

describe("absence figures", () => {
  it("are taken from a file all at once, shown per school with small groups hidden, and replaced per school-month", async () => {
    const { h, deliver } = await withSchools();
    const first = await deliver("joost", "sep.csv", example("verzuimcijfers-2026-09.csv"));
    expect(first.reply.error).toBeUndefined();
    expect(text(first)).toContain("4 rijen");
    const shown = text(await h.say("piet", "cijfers"));
    expect(shown).toContain(
      "12AB00 Maaswaal College, sep 2026: verzuim 6,2 % van de lesuren, waarvan ziek 71,1 %",
    );
    // Counts of pupils under the minimum as <10, a group under it not at all.
    expect(shown).toContain("langer dan 4 weken afwezig: <10");
    expect(shown).toContain("56EF00 ISK De Brug, sep 2026: minder dan 10 leerlingen, niet getoond");
    expect(shown).not.toMatch(/56EF00[^\n]*verzuim/);
    // October per year group; September again for one school replaces that school's month whole.
    expect(
      (await deliver("piet", "okt.csv", example("verzuimcijfers-2026-10.csv"))).reply.error,
    ).toBeUndefined();
    const again = await deliver(
      "joost",
      "sep2.csv",
      "school;periode;leerjaar;leerlingen;lesuren;verzuimuren;ziekuren;langdurig_4w;langdurig_3m\n12AB00;2026-09;;612;61200;4100;2700;4;1\n",
    );
    expect(text(again)).toContain("Vervangen (opnieuw aangeleverd): 12AB00 sep 2026");
    const figures = (await h.store.read("console")).figures;
    expect(
      figures.filter((f) => f.school === "12AB00" && f.period === "2026-09").map((f) => f.absenceHours),
    ).toEqual([4100]);
    expect(
      figures.filter((f) => f.period === "2026-10" && f.school === "12AB00").map((f) => f.yearGroup),
    ).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(text(await h.say("piet", "cijfers"))).toContain(
      "12AB00 Maaswaal College, okt 2026: verzuim 8,8 %",
    );
  });

  it("refuse a file with a column that could point at a pupil, and keep nothing", async () => {
    const { h, deliver } = await withSchools();
    const out = await deliver(
      "joost",
      "fout.csv",
      "school;periode;leerjaar;leerlingen;lesuren;verzuimuren;ziekuren;langdurig_4w;langdurig_3m;leerlingnummer\n12AB00;2026-09;;612;61200;3800;2700;4;1;45680\n",
    );
    expect(out.reply.error?.code).toBe("cijfers-leerlingkolom");
    expect(text(out)).toContain("«leerlingnummer»");
    expect(text(out)).not.toContain("45680");
    for (const column of ["naam", "Geboortedatum", "bsn", "e-mail", "postcode"]) {
      const refused = await deliver(
        "joost",
        "f.csv",
        `school;periode;leerlingen;lesuren;verzuimuren;ziekuren;langdurig_4w;langdurig_3m;${column}\n`,
      );
      expect(refused.reply.error?.code, column).toBe("cijfers-leerlingkolom");
    }
    expect((await h.store.read("console")).figures).toEqual([]);
  });

  it("refuse a file with a bad row, naming every row and column, and keep none of its good rows", async () => {
    const { h, deliver } = await withSchools();
    const out = await deliver(
      "joost",
      "fout.csv",
      [
        "school;periode;leerjaar;leerlingen;lesuren;verzuimuren;ziekuren;langdurig_4w;langdurig_3m",
        "12AB00;2026-09;;612;61200;3800;2700;4;1",
        "99ZZ00;2026-09;;100;8000;300;200;0;0",
        "12AB01;2026-13;;240;24000;29000;1100;6;2",
        "34CD00;2026-09;;123456782;24800;1150;930;0;0",
      ].join("\n"),
    );
    expect(out.reply.error?.code).toBe("cijfers-fouten");
    const said = text(out);
    for (const problem of [
      "rij 3, kolom school: geen school van deze tafel",
      "rij 4, kolom periode: geen maand als 2026-09",
      "rij 4, kolom verzuimuren: meer verzuimuren dan lesuren",
      "rij 5, kolom leerlingen: lijkt persoonsgegevens te bevatten",
    ])
      expect(said).toContain(problem);
    expect(said).not.toContain("123456782");
    expect((await h.store.read("console")).figures).toEqual([]);
  });

  it("are delivered by the school, leerplicht and the chair, read by everyone, and need the table's schools", async () => {
    const { h, deliver } = await withSchools();
    const row =
      "cijfers 12AB00 2026-09 leerlingen=612 lesuren=61200 verzuimuren=3800 ziekuren=2700 langdurig=4 zeer-langdurig=1";
    await h.say("anna", "lid @sanne jgz");
    expect((await h.say("sanne", row)).reply.error?.code).toBe("rol-niet-toegestaan");
    expect((await deliver("sanne", "sep.csv", example("verzuimcijfers-2026-09.csv"))).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect((await h.say("joost", row)).reply.error).toBeUndefined();
    expect(text(await h.say("sanne", "cijfers"))).toContain("12AB00 Maaswaal College, sep 2026");
    const bare = await tableWithMembers({ at: "2026-10-05T09:00:00Z" });
    expect((await bare.say("anna", row)).reply.error?.code).toBe("cijfers-geen-scholen");
  });
});

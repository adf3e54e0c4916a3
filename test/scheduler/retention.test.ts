import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { annualFigures, schoolYear } from "../../src/core/report.ts";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { harness, silentScheduler, tempDir, text } from "../support/harness.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function everything(dir: string): Promise<string> {
  const files = [...(await readdir(join(dir, "tables"))).map((f) => join(dir, "tables", f))];
  for (const table of await readdir(join(dir, "backups")))
    for (const f of await readdir(join(dir, "backups", table))) files.push(join(dir, "backups", table, f));
  return (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
}

describe("retention", () => {
  it("purges a closed case after the period from the table, its journal and its backups, keeping the counts", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const h = await harness({ dir: dir.path, at: "2026-11-23T09:00:00Z" });
    await h.say("anna", "setup Triage");
    await h.say("anna", "lid @piet leerplicht");
    const signal = await h.say("anna", 'signaal 1234567 ongeoorloofd 4 20-11 "Ochtend weg, moeder gebeld"');
    const key = /L-[0-9A-Z]{6}/.exec(signal.reply.title ?? "")?.[0] as string;
    await h.say("anna", "signaal 1234567 te-laat 2 18-11");
    await h.say("piet", 'besluit C-1 "Gesprek met moeder over de ochtenden"');
    await h.say("piet", 'actie C-1 @piet morgen "Huisbezoek bij de familie"');
    await h.say("piet", "klaar A-1");
    await h.say("anna", "signaal 7654321 ongeoorloofd 2 20-11");
    await h.say("piet", 'sluit C-1 schoolgang-hervat "Leerling is terug" bevestigd=ja');
    expect(text(await h.say("piet", "bewaren"))).toContain("C-1: op 23 nov 2028");
    await h.store.close();

    // A restart a day later makes the daily backup that still holds everything.
    const again = await openFileStore(dir.path, { now: () => new Date("2026-11-24T08:00:00Z") });
    const year = schoolYear("2026-2027") as NonNullable<ReturnType<typeof schoolYear>>;
    const reportBefore = annualFigures(await again.read("console"), year);
    expect(await everything(dir.path)).toContain(key);
    const scheduler = silentScheduler(again);
    await scheduler.tick(new Date("2028-11-22T08:30:00Z"));
    expect((await again.read("console")).cases[0]?.purgedAt).toBeNull();
    await scheduler.tick(new Date("2028-11-23T08:30:00Z"));
    const doc = await again.read("console");
    expect(doc.cases[0]).toMatchObject({
      pupilKey: null,
      note: null,
      signals: [],
      summary: { signals: { ongeoorloofd: 1, "te-laat": 1 }, hours: 4 },
    });
    expect(doc.cases[1]?.pupilKey).not.toBeNull();
    expect(doc.audit.at(-1)).toMatchObject({ actor: "tafel", event: "casus.opgeschoond", caseId: "C-1" });
    // The report counts what the purge keeps: its totals for the year do not move.
    expect(annualFigures(doc, year)).toEqual(reportBefore);
    await again.close();

    const stored = await everything(dir.path);
    for (const gone of [key, "Ochtend weg", "Gesprek met moeder", "Huisbezoek bij de familie"])
      expect(stored).not.toContain(gone);
    expect(stored).toContain("schoolgang-hervat");
  });

  it("purges on its due date in the summer holiday, not on the next school day", async () => {
    const h = await harness({ at: "2026-07-17T09:00:00Z" });
    await h.say("anna", "setup Triage regio=midden");
    await h.say("anna", "signaal 1234567 ongeoorloofd 4 10-07");
    await h.say("anna", 'sluit C-1 schoolgang-hervat "Leerling is terug" bevestigd=ja');
    const scheduler = silentScheduler(h.store);
    await scheduler.tick(new Date("2028-07-16T08:30:00Z"));
    expect((await h.store.read("console")).cases[0]?.purgedAt).toBeNull();
    await scheduler.tick(new Date("2028-07-17T08:30:00Z"));
    expect((await h.store.read("console")).cases[0]?.purgedAt).not.toBeNull();
  });
});

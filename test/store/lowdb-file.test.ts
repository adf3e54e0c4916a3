import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { blankCase } from "../../src/core/cases.ts";
import { SCHEMA_VERSION } from "../../src/core/model.ts";
import { ok } from "../../src/core/result.ts";
import { newTable } from "../../src/core/table.ts";
import { loadPupilKey } from "../../src/infra/pseudonymizer.ts";
import { checkDataDirectory, restoreTable } from "../../src/store/lowdb/check.ts";
import { StoreLockedError } from "../../src/store/lowdb/lock.ts";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { MIGRATIONS, SchemaError } from "../../src/store/migrations.ts";
import { tempDir } from "../support/harness.ts";

const at = "2026-11-23T09:00:00.000Z";
const table = newTable({
  id: "t1",
  name: "Triage",
  region: "zuid",
  language: "nl",
  conversation: "t1",
  chair: { id: "a", handle: "anna" },
  at,
});
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function dir() {
  const d = await tempDir();
  cleanups.push(d.remove);
  return d.path;
}

describe("lowdb file store", () => {
  it("writes owner-only files: one per table plus the index", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    await store.create(table);
    await store.close();
    for (const f of ["index.json", "tables/t1.json"])
      expect((await stat(join(d, f))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(d, "tables/t1.json"), "utf8")).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("lets one process write at a time", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    await expect(openFileStore(d)).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
    const again = await openFileStore(d);
    await again.close();
  });

  it("refuses to start on a document that does not fit the schema", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    await store.create(table);
    await store.close();
    await writeFile(join(d, "tables/t1.json"), JSON.stringify({ ...table, members: "kapot" }));
    await expect(openFileStore(d)).rejects.toThrow(
      /t1\.json is missing or not a table: run `npm run store -- repair`/,
    );
    await writeFile(join(d, "tables/t1.json"), JSON.stringify({ ...table, cases: [{ id: 5 }] }));
    await expect(openFileStore(d)).rejects.toBeInstanceOf(SchemaError);
    await writeFile(
      join(d, "tables/t1.json"),
      JSON.stringify({ ...table, schemaVersion: SCHEMA_VERSION + 1 }),
    );
    await expect(openFileStore(d)).rejects.toThrow(/newer than this Tafel/);
  });

  it("backs a document up before migrating it, then validates the result", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    await store.create(table);
    await store.close();
    const { schemaVersion: _, ...v0 } = { ...table, table: { ...table.table, name: "oud" } };
    await writeFile(join(d, "tables/t1.json"), JSON.stringify(v0));
    const migrated = await openFileStore(d, {
      migrations: { ...MIGRATIONS, 0: (doc) => ({ ...doc, schemaVersion: 1 }) },
      now: () => new Date("2026-11-24T08:00:00Z"),
    });
    expect((await migrated.read("t1")).table.name).toBe("oud");
    await migrated.transact("t1", () => ok(null));
    await migrated.close();
    const backups = await readdir(join(d, "backups/t1"));
    expect(backups).toHaveLength(1);
    expect(
      JSON.parse(await readFile(join(d, "backups/t1", backups[0] as string), "utf8")).schemaVersion,
    ).toBeUndefined();
    expect(JSON.parse(await readFile(join(d, "tables/t1.json"), "utf8")).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("migrates a version 1 table through every version: policy, calendar, meetings, outbox, new case fields", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    await store.create(table);
    await store.close();
    const {
      policy: _p,
      calendar: _c,
      meetings: _m,
      outbox: _o,
      lastDigest: _l,
      ...rest
    } = {
      ...table,
      counters: { case: 1, signal: 0, action: 0, decision: 0 },
    };
    const c1 = {
      id: "C-1",
      pupilKey: "L-ABCDEF",
      status: "open",
      outcome: null,
      legalBasis: "ongeoorloofd-verzuim",
      note: null,
      openedAt: at,
      openedBy: "anna",
      closedAt: null,
      regie: null,
      regieHistory: [],
      signals: [],
    };
    await writeFile(join(d, "tables/t1.json"), JSON.stringify({ ...rest, schemaVersion: 1, cases: [c1] }));
    const migrated = await openFileStore(d);
    const doc = await migrated.read("t1");
    await migrated.close();
    expect(doc.policy).toEqual({});
    expect(doc.calendar).toEqual({ holidays: [], freeDays: [] });
    expect(doc.cases[0]).toMatchObject({
      id: "C-1",
      schoolType: null,
      enrolledOn: null,
      notices: [],
      reviewOn: null,
    });
    expect(doc).toMatchObject({ meetings: [], outbox: [], lastDigest: null, counters: { meeting: 0 } });
    expect(await readdir(join(d, "backups/t1"))).toHaveLength(1);
  });

  it("migrates a version 6 table on: no triage yet, no reviews, a step's MAS route from its kind", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    await store.create(table);
    await store.close();
    const { slots: _s, waiting: _w, ...v6 } = structuredClone(table);
    const { investigation: _i, slot: _sl, ...counters } = v6.counters;
    const signal = {
      id: "S-1",
      kind: "ongeoorloofd",
      from: "2026-11-20",
      to: "2026-11-20",
      hours: 2,
      count: null,
      school: null,
      note: null,
      origin: "preventive",
      raisedBy: "a",
      raisedAt: at,
      withdrawnAt: null,
    };
    const {
      investigations: _inv,
      homeSick: _hs,
      ...c1
    } = {
      ...blankCase("C-1", "L-ABCDEF", "a", at),
      legalBasis: "ongeoorloofd-verzuim",
    };
    const step = {
      id: "I-1",
      kind: "civiel",
      date: "2026-11-20",
      by: "a",
      at,
      ageBand: null,
      consent: false,
      note: null,
    };
    const decision = {
      id: "B-1",
      caseId: "C-1",
      text: "Gesprek",
      at,
      by: "a",
      meetingId: null,
      withdrawn: null,
    };
    await writeFile(
      join(d, "tables/t1.json"),
      JSON.stringify({
        ...v6,
        schemaVersion: 6,
        counters: { ...counters, case: 1, signal: 1, decision: 1 },
        cases: [{ ...c1, signals: [signal], interventions: [step] }],
        decisions: [decision],
      }),
    );
    const migrated = await openFileStore(d);
    const doc = await migrated.read("t1");
    await migrated.close();
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.cases[0]?.signals[0]).toMatchObject({ schoolActions: null, pattern: null, early: [] });
    expect(doc.cases[0]?.investigations).toEqual([]);
    expect(doc.cases[0]?.homeSick).toBeNull();
    expect(doc.cases[0]?.interventions[0]).toMatchObject({ route: "R3", civilVia: null, om: null });
    expect(doc.decisions[0]).toMatchObject({
      text: "Gesprek",
      route: null,
      role: null,
      next: null,
      beyond: null,
    });
    // Schema 9 (issue #30): no case handed to a doorbraaktafel yet.
    expect(doc.cases[0]?.handedTo).toBeNull();
    expect(doc).toMatchObject({ slots: [], waiting: [], counters: { investigation: 0, slot: 0 } });
  });

  it("writes a change as one journal line, replays it on start, and cuts a torn last line", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    await store.create(table);
    const snapshot = await readFile(join(d, "tables/t1.json"), "utf8");
    await store.transact("t1", (doc) => {
      doc.counters.case = 7;
      return ok(null);
    });
    expect(await readFile(join(d, "tables/t1.json"), "utf8")).toBe(snapshot);
    const journal = await readFile(join(d, "tables/t1.journal"), "utf8");
    expect(journal.trim().split("\n")).toHaveLength(1);
    expect(journal.length).toBeLessThan(200);
    await store.close();
    await writeFile(join(d, "tables/t1.journal"), `${journal}{"set":{"counters":{"case":9`);
    const again = await openFileStore(d);
    expect((await again.read("t1")).counters.case).toBe(7);
    await again.close();
    // Folded into the snapshot and set aside at the start: a new journal is made by the next change.
    await expect(readFile(join(d, "tables/t1.journal"), "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("compacts a table it created when the journal outgrows the snapshot, not before", async () => {
    const d = await dir();
    const store = await openFileStore(d);
    const big = structuredClone(table);
    for (let i = 0; i < 4000; i++)
      big.audit.push({
        at,
        actor: "anna",
        event: "casus.bekeken",
        caseId: `C-${i}`,
        subject: "x".repeat(100),
      });
    await store.create(big);
    const snapshot = (await stat(join(d, "tables/t1.json"))).size;
    const write = () =>
      store.transact("t1", (doc) => {
        doc.audit.push({ at, actor: "anna", event: "x", caseId: null, subject: "y".repeat(10_000) });
        return ok(null);
      });
    await write();
    while ((await stat(join(d, "tables/t1.journal"))).size < 300 * 1024) await write();
    expect(snapshot).toBeGreaterThan(500 * 1024);
    expect((await stat(join(d, "tables/t1.json"))).size).toBe(snapshot);
    while ((await stat(join(d, "tables/t1.journal"))).size > 0) await write();
    expect((await stat(join(d, "tables/t1.json"))).size).toBeGreaterThan(snapshot);
    await store.close();
  });

  it("keeps a daily backup and only the newest seven", async () => {
    const d = await dir();
    const first = await openFileStore(d);
    await first.create(table);
    await first.close();
    for (let day = 1; day <= 9; day++) {
      const s = await openFileStore(d, { now: () => new Date(Date.UTC(2026, 10, day, 8)) });
      await s.close();
    }
    const sameDay = await openFileStore(d, { now: () => new Date(Date.UTC(2026, 10, 9, 12)) });
    await sameDay.close();
    const backups = await readdir(join(d, "backups/t1"));
    expect(backups).toHaveLength(7);
    expect(backups.sort()[0]).toContain("2026-11-03");
  });

  it("generates the pupil key once, owner-only, outside the table documents", async () => {
    const d = await dir();
    const k1 = await loadPupilKey(d, undefined);
    const k2 = await loadPupilKey(d, undefined);
    expect(k1.equals(k2)).toBe(true);
    expect(k1).toHaveLength(32);
    expect((await stat(join(d, "pupil.key"))).mode & 0o777).toBe(0o600);
    expect((await loadPupilKey(d, "ab".repeat(32))).toString("hex")).toBe("ab".repeat(32));
  });
});

describe("backups while Tafel runs, and a restore as the operator guide says", () => {
  it("keeps a copy a day of a table written to, and restoring it brings back that day's table", async () => {
    const d = await dir();
    let clock = new Date("2026-11-23T09:00:00Z");
    const now = () => clock;
    const rename = (store: Awaited<ReturnType<typeof openFileStore>>, name: string) =>
      store.transact("t1", (doc) => {
        doc.table.name = name;
        return ok(null);
      });
    const store = await openFileStore(d, { now });
    await store.create(table);
    await rename(store, "maandag");
    await rename(store, "maandag later");
    const documents = async () =>
      (await readdir(join(d, "backups/t1"))).filter((f) => f.endsWith(".json")).sort();
    expect(await documents()).toHaveLength(1);
    // The next day, without a restart: the first write of the day is backed up, later ones are not.
    clock = new Date("2026-11-24T09:00:00Z");
    await rename(store, "dinsdag");
    await rename(store, "dinsdag later");
    await store.close();
    const backups = await documents();
    expect(backups).toHaveLength(2);
    // Taken from the table's files (the snapshot linked, the journal copied), not from a serialised copy.
    const [snapshot, copy] = await Promise.all([
      stat(join(d, "tables/t1.json")),
      stat(join(d, "backups/t1", backups[1] as string)),
    ]);
    expect(copy.ino).toBe(snapshot.ino);
    expect(await readdir(join(d, "backups/t1"))).toContain(
      (backups[1] as string).replace(".json", ".journal"),
    );

    // docs/operator.md, Storage: stop Tafel, `npm run store -- restore DIR TABLE BACKUP`. Only a table of the index, and
    // only one of its backups: a typed name never becomes a path.
    expect(await restoreTable(d, "../t1")).toBeNull();
    expect(await restoreTable(d, "t1", "../../index.json")).toBeNull();
    expect(await restoreTable(d, "t1", backups[1])).toBe(backups[1]);
    const restored = await openFileStore(d, { now });
    expect((await restored.read("t1")).table.name).toBe("dinsdag");
    await restored.close();
    expect((await checkDataDirectory(d, false)).every((r) => r.problems.length === 0)).toBe(true);
  });
});

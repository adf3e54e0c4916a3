import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateTable, MEMBER_IDS } from "../../bench/generate.ts";
import { ok } from "../../src/core/result.ts";
import type { PostgresStore } from "../../src/store/postgres/store.ts";
import { caseTable } from "../support/case-table.ts";
import { harness } from "../support/harness.ts";
import { TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const AT = "2026-11-23T09:00:00Z";
const officer = MEMBER_IDS[1] as string;
const school = MEMBER_IDS[3] as string;

const table = () => caseTable(cleanups, AT, school);

/** The commands about one case, as a member types them: cards, signals, agreements, questions and refusals. */
const LINES: Array<[string, string]> = [
  [officer, "casus C-3"],
  [officer, "casus c-3 tijdlijn"],
  [officer, "casus C-3 afspraken"],
  [school, "signaal C-3 ongeoorloofd 2 20-11"],
  [school, "signaal C-3 ongeoorloofd 2 20-11"],
  [school, "signaal C-3 ongeoorloofd 2 20-11 bevestigd=ja"],
  [school, 'signaal C-4 ongeoorloofd 1 20-11 "Belde over 4321"'],
  [school, "signaal C-31 ziek 2 20-11"],
  [officer, 'actie C-3 @m4 vrijdag "Gesprek plannen"'],
  [officer, 'actie C-3 @m4 vrijdag "Gesprek plannen"'],
  [officer, 'actie C-5 @m9 over 2 weken "Huisbezoek" evaluatie=18-12-2026'],
  [officer, "casus C-999"],
  ["U99999999", "casus C-3"],
  [officer, "casus C-3 afspraken pagina=2"],
  [MEMBER_IDS[11] as string, "casus C-3"],
  [officer, "casus C-3"],
];

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL: a command about one case reads that case", () => {
  it("answers and writes as on the whole table, without loading the table", async () => {
    const [held, cold] = [await table(), await table()];
    const whole = await held.open();
    await whole.read("t");
    const view = await cold.open();
    const [w, v] = [await harness({ store: whole, at: AT }), await harness({ store: view, at: AT })];
    const codes: string[] = [];
    for (const [who, line] of LINES) {
      const [a, b] = [await w.say(who, line, "c"), await v.say(who, line, "c")];
      expect(b, line).toEqual(a);
      codes.push(b.confirm ? "vraag" : (b.reply.error?.code ?? "ok"));
    }
    // The refusals and questions are among what was compared: the lines are not all answered "ok".
    expect(codes).toEqual(expect.arrayContaining(["pii", "casus-onbekend", "vraag", "geen-lid"]));

    expect(view.cacheStats()).toMatchObject({ tables: 0, loads: 0 });
    expect(view.cacheStats().views).toBeGreaterThan(0);
    expect(whole.cacheStats().tables).toBe(1);
    const [a, b] = [await (await held.open()).read("t"), await (await cold.open()).read("t")];
    expect(b).toEqual(a);
  });

  it("makes a change its view cannot say again on the whole table, and loses nothing", async () => {
    const schema = await table();
    const store = await schema.open();
    const before = await (await schema.open()).read("t");
    const others = before.actions.filter((x) => x.caseId !== "C-3").length;
    // In the view, `actions` holds C-3's agreements only: replacing it there would drop every other case's.
    const r = await store.about("t", "C-3", () =>
      store.transact("t", (d) => {
        d.actions = d.actions.filter((x) => x.caseId !== "C-2");
        return ok(d.actions.length);
      }),
    );
    const after = await (await schema.open()).read("t");
    expect(r).toEqual(ok(after.actions.length));
    expect(after.actions.filter((x) => x.caseId === "C-2")).toEqual([]);
    expect(after.actions.filter((x) => x.caseId !== "C-3").length).toBe(
      others - before.actions.filter((x) => x.caseId === "C-2").length,
    );
    expect(after.actions.filter((x) => x.caseId === "C-3")).toEqual(
      before.actions.filter((x) => x.caseId === "C-3"),
    );
  });

  it("two instances adding to one case at once through views: both agreements land, under their own numbers", async () => {
    const schema = await table();
    const instances: PostgresStore[] = [await schema.open(), await schema.open()];
    const [p, q] = await Promise.all(instances.map((s) => harness({ store: s, at: AT })));
    const made: string[] = [];
    // Until the instances did race: one committed while the other was making its change, which was made again.
    for (let round = 0; round < 50 && instances.every((s) => s.lostRaces === 0); round++) {
      const outs = await Promise.all(
        [p, q].map((h, i) => h?.say(officer, `actie C-3 @m4 vrijdag "Ronde ${round} ${i}"`, "c")),
      );
      for (const o of outs) made.push(o?.reply.error?.code ?? "ok");
    }
    expect(instances.some((s) => s.lostRaces > 0)).toBe(true);
    // Through views: neither instance loaded the table.
    for (const s of instances) expect(s.cacheStats()).toMatchObject({ tables: 0, loads: 0 });
    expect(made.every((m) => m === "ok")).toBe(true);
    const doc = await (await schema.open()).read("t");
    const ids = doc.actions.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.actions.filter((x) => x.text.startsWith("Ronde")).length).toBe(made.length);
  });

  it("sets off the table's tick when the command about the case is done, not while it runs", async () => {
    const schema = await table();
    const store = await schema.open();
    const ticks: string[] = [];
    store.onChanged((id) => ticks.push(id));
    await store.about("t", "C-3", async () => {
      const r = await store.transact("t", (d) => {
        // The view holds C-3 alone.
        const c = d.cases[0];
        if (c) c.note = "Gesprek gepland";
        return ok(c?.id);
      });
      expect(r).toEqual(ok("C-3"));
      expect(ticks).toEqual([]);
    });
    expect(ticks).toEqual(["t"]);
    expect(store.cacheStats().tables).toBe(0);
  });
});

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL: the region in a case's view", () => {
  it("is read with the view, as stored; the work keeps it, and the next command sees another's change", async () => {
    const schema = await table();
    const [a, b] = [await schema.open(), await schema.open()];
    const h = await harness({ store: a, at: AT });
    const chair = MEMBER_IDS[0] as string;
    const said = async (line: string) => expect((await h.say(chair, line, "c")).reply.error).toBeUndefined();
    await said('regio nieuw "Midden"');
    const municipalities = async () => (await b.regions.of("t"))?.municipalities.map((m) => m.name);
    await b.about("t", "C-3", async () => {
      // Read as the case's view, and the region with it, as it is stored.
      expect((await b.read("t")).cases.map((c) => c.id)).toEqual(["C-3"]);
      expect(await b.regions.of("t")).toEqual(await a.regions.of("t"));
      // Changed by another instance while this work runs: the work answers from what it read.
      await said('regio gemeente Wijchen kantoor="Gemeente Wijchen"');
      expect(await municipalities()).toEqual([]);
    });
    expect(await b.about("t", "C-3", municipalities)).toEqual(["Wijchen"]);
    expect(b.cacheStats().loads).toBe(0);
  });
});

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL: the table of a conversation", () => {
  it("is looked up once; a conversation without one is asked again, as another instance may set one up", async () => {
    const schema = await table();
    const [one, other] = [await schema.open(), await schema.open()];
    expect(await one.tableFor("nieuw")).toBeNull();
    expect(
      (await other.create(generateTable({ id: "n", conversation: "nieuw", cases: 1, seed: 1 }))).ok,
    ).toBe(true);
    const statements = vi.spyOn(pg.Pool.prototype, "query");
    const ref = await one.tableFor("nieuw");
    expect(ref).toMatchObject({ id: "n", conversation: "nieuw" });
    expect(await one.tableFor("nieuw")).toEqual(ref);
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();
    expect(await other.tableFor("nieuw")).toEqual(ref);
  });

  it("knows every table's conversation after its first lookup, so a command elsewhere asks nothing", async () => {
    const schema = await table();
    const writer = await schema.open();
    for (const id of ["a", "b"])
      expect(
        (await writer.create(generateTable({ id, conversation: `kanaal-${id}`, cases: 1, seed: 1 }))).ok,
      ).toBe(true);
    const fresh = await schema.open();
    const statements = vi.spyOn(pg.Pool.prototype, "query");
    expect(await fresh.tableFor("kanaal-a")).toMatchObject({ id: "a" });
    expect(statements).toHaveBeenCalledTimes(1);
    expect(await fresh.tableFor("kanaal-b")).toMatchObject({ id: "b" });
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();
  });
});

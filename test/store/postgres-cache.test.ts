import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../src/core/model.ts";
import { ok } from "../../src/core/result.ts";
import { newTable } from "../../src/core/table.ts";
import { registry } from "../../src/infra/metrics.ts";
import type { PostgresStore } from "../../src/store/postgres/store.ts";
import { harness } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];

// A full collection on demand: what shows that a table let go is gone from memory, not just from the cache's count.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Tables of seven stored megabytes of filler each (three are past a budget of 16 MB), or of a few hundred bytes. */
async function makeTables(writer: PostgresStore, ids: readonly string[], megabytes = 7) {
  for (const id of ids) {
    const made = newTable({
      id,
      name: id,
      region: "noord",
      language: "nl",
      conversation: id,
      chair: { id: "anna", handle: "anna" },
      at: "2026-10-01T10:00:00.000Z",
    });
    expect((await writer.create(made)).ok).toBe(true);
    await writer.transact(id, (doc) => {
      doc.platform = { filler: "x".repeat(megabytes * 1024 * 1024) };
      return ok(null);
    });
  }
}
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** What an instance holds of the database's tables: old schemas migrated on read, and within a memory budget. */
describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL: the tables an instance holds", () => {
  it("migrates a table stored at schema 6 when it is read, and the next instance reads it migrated", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const a = await harness({ store: await schema.open(), at: "2026-10-01T10:00:00Z" });
    await a.say("anna", "setup Noord regio=noord");
    await a.say("anna", "lid @piet leerplicht");
    await a.say("anna", "lid @joost school");
    await a.say("joost", "signaal 1234567 ongeoorloofd 4 30-9");
    await a.say("piet", 'besluit C-1 "Gesprek"');
    const sql = (q: string) => schema.admin.query(q.replaceAll("$s", schema.name));
    const where = "table_id = 'console' and part";
    // The rows as schema 6 wrote them: no triage pipeline anywhere.
    await sql(`update $s.tafel_parts set body = '6' where ${where} = 'schemaVersion'`);
    await sql(`delete from $s.tafel_parts where ${where} in ('slots', 'waiting')`);
    await sql(
      `update $s.tafel_parts set body = (body::jsonb - 'investigation' - 'slot')::json where ${where} = 'counters'`,
    );
    await sql(
      `update $s.tafel_parts set body = (body::jsonb - 'route' - 'role' - 'next')::json where ${where} = 'decisions'`,
    );
    await sql(
      `update $s.tafel_parts set body = jsonb_set(body::jsonb - 'investigations', '{signals}', (select coalesce(jsonb_agg(s - 'schoolActions' - 'pattern' - 'early'), '[]') from jsonb_array_elements(body::jsonb -> 'signals') s))::json where ${where} = 'cases'`,
    );
    const stored = await sql(
      `select body::text as body from $s.tafel_parts where ${where} in ('cases', 'slots')`,
    );
    expect(stored.rows.map((r) => r.body).join()).not.toMatch(/investigations|schoolActions/);
    const doc = await (await schema.open()).read("console");
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.cases[0]?.signals[0]).toMatchObject({ schoolActions: null, pattern: null, early: [] });
    expect(doc.decisions[0]).toMatchObject({ text: "Gesprek", route: null });
    expect(await (await schema.open()).read("console")).toEqual(doc);
  });

  it("holds tables within its cache budget, lets the least recently used go, and reloads one another instance changed", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const writer = await schema.open();
    // A budget of about one small table: each new read lets the least recently used go.
    const small = await schema.open({ cacheMb: 16 });
    const ids = ["a", "b", "c"];
    // Past the budget by rows large enough: the store counts the stored bytes of what it holds.
    await makeTables(writer, ids);
    const budget = 16 * 1024 * 1024;
    for (const id of ids) await small.read(id);
    const stats = small.cacheStats();
    expect(stats.evictions).toBeGreaterThan(0);
    expect(stats.bytes).toBeLessThanOrEqual(budget);
    expect(stats.tables).toBeLessThan(3);
    // The operator scrapes the same figures: the newest store opened in this process is the one read.
    const scraped = await registry.getMetricsAsJSON();
    const gauge = (name: string) => scraped.find((m) => m.name === name)?.values[0]?.value;
    expect(gauge("tafel_cache_evictions")).toBe(stats.evictions);
    expect(gauge("tafel_cache_bytes")).toBe(stats.bytes);
    expect(gauge("tafel_table_loads")).toBe(3);
    expect(gauge("tafel_case_views")).toBe(0);
    // The first table was let go; another instance changes it; read again it is loaded with the change, whole.
    await writer.transact(ids[0] as string, (doc) => {
      doc.table.name = "Veranderd";
      return ok(null);
    });
    const again = await small.read(ids[0] as string);
    expect(again.table.name).toBe("Veranderd");
    expect(again).toEqual(await writer.read(ids[0] as string));
    // A change made through the small instance lands and is seen by the other: nothing is lost on the way.
    await small.transact(ids[1] as string, (doc) => {
      doc.table.name = "Ook veranderd";
      return ok(null);
    });
    expect((await writer.read(ids[1] as string)).table.name).toBe("Ook veranderd");
  });

  it("lets a sweep over every table pass by without pushing the tables in use out", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const writer = await schema.open();
    const small = await schema.open({ cacheMb: 16 });
    await makeTables(writer, ["hot1", "hot2", "cold"]);
    await small.read("hot1");
    await small.read("hot2");
    expect(small.cacheStats()).toMatchObject({ tables: 2, evictions: 0 });
    // The daily run passes "cold" by (read and changed, as a tick does): the hot tables stay, nothing is let go.
    await small.passing(async () => {
      await small.read("cold");
      await small.transact("cold", (doc) => {
        doc.rulesCheckedOn = "2026-10-01";
        return ok(null);
      });
    });
    expect(small.cacheStats()).toMatchObject({ tables: 2, evictions: 0 });
    expect((await writer.read("cold")).rulesCheckedOn).toBe("2026-10-01");
    // Used for real, it is held, and the least recently used hot table goes.
    await small.read("cold");
    expect(small.cacheStats()).toMatchObject({ tables: 2, evictions: 1 });
  });

  it("frees a table it let go: nothing else the instance keeps still holds it", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const writer = await schema.open();
    const small = await schema.open({ cacheMb: 16 });
    await makeTables(writer, ["a", "b", "c", "d"]);
    const others = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"];
    await makeTables(writer, others, 0);
    // Held only through a weak reference here: the test itself keeps no table alive.
    const read = async (id: string) => new WeakRef(await small.read(id));
    const passed = async (id: string) => new WeakRef(await small.passing(() => small.read(id)));
    const a = await read("a");
    const b = await passed("b");
    await small.transact("a", (doc) => {
      doc.rulesCheckedOn = "2026-10-01";
      return ok(null);
    });
    // "c" and "d" push "a" out of the cache; a sweep passing eight others by lets "b" go.
    await read("c");
    await read("d");
    for (const id of others) await passed(id);
    expect(small.cacheStats().evictions).toBeGreaterThan(0);
    collect();
    expect(a.deref()).toBeUndefined();
    expect(b.deref()).toBeUndefined();
  });
});

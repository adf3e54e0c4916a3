import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../../adapters/console/main.ts";
import { newTable } from "../../src/core/table.ts";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { importTables } from "../../src/store/postgres/import.ts";
import { harness, tempDir, text } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** An embedded deployment after a meeting and two weeks of reminders: outbox, audit, decisions, agreements. */
async function embedded() {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  const code = await runConsole(["--script", "examples/overleg.tafel", "--data", dir.path], () => true);
  expect(code).toBe(0);
  return dir.path;
}

const AT = "2026-10-21T10:00:00Z";
const exported = async (h: Awaited<ReturnType<typeof harness>>) => text(await h.say("anna", "export"));

describe.skipIf(!TEST_DATABASE_URL)("moving an embedded deployment into PostgreSQL", () => {
  it("keeps the export byte for byte, and a second run moves nothing twice", async () => {
    const dir = await embedded();
    const before = await harness({ dir, at: AT });
    // The table's region moves with it (issue #30), and its export says so.
    await before.say("anna", 'regio nieuw "Maas en Waal"');
    await before.say("anna", 'regio gemeente Druten kantoor="Gemeente Druten"');
    const want = await exported(before);
    expect(want).toContain('"outcome"');

    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const to = await schema.open();
    expect(await importTables(before.store, to)).toEqual([
      { id: "console", outcome: "overgezet", cases: 2, actions: 3 },
    ]);
    expect((await importTables(before.store, to)).map((l) => l.outcome)).toEqual(["al-aanwezig"]);
    await before.store.close();

    // A fresh instance reads it from the database alone.
    const after = await harness({ store: await schema.open(), at: AT });
    const from = await openFileStore(dir);
    expect(await after.store.read("console")).toEqual(await from.read("console"));
    // The read log moves with its table, once: the second run added none.
    const reads = await from.reads("console", {});
    expect(reads.length).toBeGreaterThan(0);
    expect(await after.store.reads("console", {})).toEqual(reads);
    await from.close();
    expect((await after.store.regions.of("console"))?.municipalities).toEqual([
      { name: "Druten", office: "Gemeente Druten", qualificationOffice: null },
    ]);
    expect(await exported(after)).toBe(want);
  });

  it("leaves a table alone that the database has with other content, and says so", async () => {
    const dir = await embedded();
    const from = await openFileStore(dir);
    cleanups.push(() => from.close());
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const to = await schema.open();
    const other = newTable({
      id: "ander",
      name: "Andere tafel",
      region: "zuid",
      language: "nl",
      conversation: "console",
      chair: { id: "u9", handle: "kim" },
      at: AT,
    });
    expect((await to.create(other)).ok).toBe(true);
    expect((await importTables(from, to)).map((l) => l.outcome)).toEqual(["verschilt"]);
    expect((await to.tables()).map((t) => t.id)).toEqual(["ander"]);
  });

  it("as the command an operator runs: says which key to set, then moves the table", async () => {
    const dir = await embedded();
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const url = `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["src/import.ts", "--from-lowdb", dir], {
        cwd: join(import.meta.dirname, "../.."),
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", DATABASE_URL: url, ...env },
      });
    const keyless = run({});
    expect(keyless.status).toBe(2);
    expect(keyless.stdout).toContain(`TAFEL_PUPIL_KEY ontbreekt: zet hem op de sleutel in ${dir}/pupil.key`);
    const moved = run({ TAFEL_PUPIL_KEY: (await readFile(join(dir, "pupil.key"), "utf8")).trim() });
    expect(moved.stdout).toBe(
      "console: overgezet en teruggelezen (2 casussen, 3 afspraken)\n1 van 1 tafels in PostgreSQL.\n",
    );
    expect(moved.status).toBe(0);
    expect((await (await schema.open()).read("console")).actions).toHaveLength(3);
  });
});

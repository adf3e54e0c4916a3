import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lineOf } from "../../src/store/lowdb/journal.ts";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { harness, tempDir } from "../support/harness.ts";

/**
 * Every damaged file of a data directory, as an operator meets it (issue #27 item 10): the start names the file
 * and the command to run, `npm run store -- check` finds what the start would refuse, and `repair` ends in a store
 * that opens with every intact acknowledged write. The check and repair run as the operator runs them.
 */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const root = join(import.meta.dirname, "../..");
const storeCli = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, "src/store-check.ts"), ...args], { encoding: "utf8" });

async function directory(decisions: number) {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  const h = await harness({ dir: dir.path });
  await h.say("anna", "setup Triage regio=midden");
  await h.say("anna", "signaal 2345678 ongeoorloofd 2 vrijdag");
  for (let i = 1; i <= decisions; i++) await h.say("anna", `besluit C-1 "Besluit ${i}"`);
  await h.store.close();
  return dir.path;
}
const journal = (dir: string) => join(dir, "tables", "console.journal");
const snapshot = (dir: string) => join(dir, "tables", "console.json");
const texts = async (dir: string) => {
  const store = await openFileStore(dir);
  try {
    return (await store.read("console")).decisions.map((d) => d.text);
  } finally {
    await store.close();
  }
};

describe("a damaged data directory", () => {
  it("a journal line that is JSON but no change: named at the start, found by check, left out by repair", async () => {
    const dir = await directory(3);
    const lines = (await readFile(journal(dir), "utf8")).split("\n");
    lines.splice(2, 0, lineOf({}).trimEnd());
    await writeFile(journal(dir), lines.join("\n"));
    await expect(openFileStore(dir)).rejects.toThrow(
      /console\.journal is damaged at line 3: run `npm run store/,
    );
    const check = storeCli("check", dir);
    expect([check.status, check.stdout]).toEqual([1, expect.stringContaining("regel 3: beschadigd")]);
    expect(storeCli("repair", dir).status).toBe(0);
    expect(await texts(dir)).toEqual(["Besluit 1", "Besluit 2", "Besluit 3"]);
  });

  it("a snapshot that is JSON but no table: named at the start, found by check, rebuilt from the backup and journal", async () => {
    const dir = await directory(2);
    await rm(snapshot(dir));
    await writeFile(snapshot(dir), "{}");
    await expect(openFileStore(dir)).rejects.toThrow(
      /console\.json is missing or not a table: run `npm run store -- repair`/,
    );
    const check = storeCli("check", dir);
    expect([check.status, check.stdout]).toEqual([1, expect.stringContaining("geen tafel")]);
    expect(storeCli("repair", dir).status).toBe(0);
    expect(await texts(dir)).toEqual(["Besluit 1", "Besluit 2"]);
  });

  it("index.json deleted: the start takes the tables in again from their files, and setup finds the table", async () => {
    const dir = await directory(30);
    await rm(join(dir, "index.json"));
    expect(storeCli("check", dir).stdout).toContain("tafel console staat niet in index.json");
    const h = await harness({ dir });
    cleanups.push(() => h.store.close());
    expect((await h.store.tables()).map((t) => t.id)).toEqual(["console"]);
    expect((await h.say("anna", "setup Nieuwe tafel regio=midden")).reply.error?.code).toBe("tafel-bestaat");
    expect((await h.store.read("console")).decisions).toHaveLength(30);
    expect(JSON.parse(await readFile(join(dir, "index.json"), "utf8")).tables).toEqual([
      { id: "console", name: "Triage", conversation: "console" },
    ]);
  });

  it("index.json cut off: named at the start, found by check, rebuilt by repair", async () => {
    const dir = await directory(2);
    const index = await readFile(join(dir, "index.json"), "utf8");
    await writeFile(join(dir, "index.json"), index.slice(0, 20));
    await expect(openFileStore(dir)).rejects.toThrow(/index\.json is damaged: run `npm run store -- repair`/);
    const check = storeCli("check", dir);
    expect([check.status, check.stdout]).toEqual([1, expect.stringContaining("index.json is beschadigd")]);
    const repair = storeCli("repair", dir);
    expect([repair.status, repair.stdout]).toEqual([0, expect.stringContaining("opnieuw opgebouwd")]);
    expect(await texts(dir)).toEqual(["Besluit 1", "Besluit 2"]);
  });

  it("regions.json cut off: named at the start, found by check, put back from the day's backup by repair", async () => {
    const dir = await directory(1);
    const h = await harness({ dir });
    await h.say("anna", 'regio nieuw "Maas en Waal"');
    await h.say("anna", 'regio gemeente Druten kantoor="Gemeente Druten"');
    await h.store.close();
    const whole = await readFile(join(dir, "regions.json"), "utf8");
    await writeFile(join(dir, "regions.json"), whole.slice(0, 30));
    await expect(openFileStore(dir)).rejects.toThrow(
      /regions\.json is damaged: run `npm run store -- repair`/,
    );
    const check = storeCli("check", dir);
    expect([check.status, check.stdout]).toEqual([1, expect.stringContaining("regions.json is beschadigd")]);
    const repair = storeCli("repair", dir);
    expect([repair.status, repair.stdout]).toEqual([
      0,
      expect.stringContaining("teruggezet uit back-up regions-"),
    ]);
    const store = await openFileStore(dir);
    try {
      expect((await store.regions.of("console"))?.municipalities.map((m) => m.name)).toEqual(["Druten"]);
    } finally {
      await store.close();
    }
  });

  it("one flipped byte in the journal costs only its own decision: every intact line is kept", async () => {
    const dir = await directory(30);
    const lines = (await readFile(journal(dir), "utf8")).split("\n");
    const hit = lines.findIndex((l) => l.includes('"Besluit 15"'));
    lines[hit] = (lines[hit] as string).replace('"Besluit 15"', '"Besluit 1X"');
    await writeFile(journal(dir), lines.join("\n"));
    await expect(openFileStore(dir)).rejects.toThrow(`console.journal is damaged at line ${hit + 1}`);
    expect(storeCli("repair", dir).status).toBe(0);
    const kept = await texts(dir);
    expect(kept).toHaveLength(29);
    expect(kept).not.toContain("Besluit 15");
    expect(kept.at(-1)).toBe("Besluit 30");
  });
});

import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkDataDirectory } from "../../src/store/lowdb/check.ts";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { harness, snapshotDir, tempDir, text } from "../support/harness.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function tableWithDecisions(dir: string, n: number) {
  const h = await harness({ dir });
  await h.say("anna", "setup Triage regio=midden");
  await h.say("anna", "signaal 2345678 ongeoorloofd 2 vrijdag");
  for (let i = 1; i <= n; i++) await h.say("anna", `besluit C-1 "Besluit ${i}"`);
  await h.store.close();
}

const journalOf = (dir: string) => join(dir, "tables", "console.journal");

describe("the embedded store under faults", () => {
  it("stops the start at a damaged journal line in the middle, names it, and rewrites nothing; repair recovers the rest", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    await tableWithDecisions(dir.path, 3);
    const lines = (await readFile(journalOf(dir.path), "utf8")).split("\n");
    const damaged = lines.findIndex((l) => l.includes("Besluit 2"));
    lines[damaged] = (lines[damaged] as string).replace("Besluit 2", "Besluit X");
    await writeFile(journalOf(dir.path), lines.join("\n"));
    const before = await snapshotDir(dir.path);

    await expect(openFileStore(dir.path)).rejects.toThrow(
      `console.journal is damaged at line ${damaged + 1}`,
    );
    expect(await snapshotDir(dir.path)).toEqual(before);

    const report = await checkDataDirectory(dir.path, false);
    expect(report[0]?.problems).toEqual([
      `console.journal regel ${damaged + 1}: beschadigd (checksum, JSON of geen wijziging)`,
    ]);
    expect(await snapshotDir(dir.path)).toEqual(before);

    const repaired = await checkDataDirectory(dir.path, true);
    expect(repaired[0]?.fixed).toBe(true);
    const store = await openFileStore(dir.path);
    cleanups.push(() => store.close());
    // Besluit 3 came after the damaged line and does not depend on it: kept, moved over the lost decision.
    const decisions = (await store.read("console")).decisions;
    expect(decisions.map((d) => [d.id, d.text])).toEqual([
      ["B-1", "Besluit 1"],
      ["B-3", "Besluit 3"],
    ]);
  });

  it("stops the start at a damaged snapshot line; check names it and repair rebuilds from the newest backup", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    await tableWithDecisions(dir.path, 2);
    const snapshot = join(dir.path, "tables", "console.json");
    const lines = (await readFile(snapshot, "utf8")).split("\n");
    const member = lines.findIndex((l) => l.startsWith('{"id":"anna"'));
    lines[member] = (lines[member] as string).slice(0, 40);
    // A new file, as a damaged disk block would be: the backup is a hard link to the snapshot as it was.
    await rm(snapshot);
    await writeFile(snapshot, lines.join("\n"));

    await expect(openFileStore(dir.path)).rejects.toThrow(`snapshot ${snapshot} is missing or not a table`);
    expect((await checkDataDirectory(dir.path, false))[0]?.problems).toEqual([
      `${snapshot}: de snapshot is onleesbaar of geen tafel`,
    ]);
    const repaired = await checkDataDirectory(dir.path, true);
    expect(repaired[0]?.repaired[0]).toMatch(/^uitgegaan van back-up /);
    const store = await openFileStore(dir.path);
    cleanups.push(() => store.close());
    expect((await store.read("console")).decisions.map((d) => d.text)).toEqual(["Besluit 1", "Besluit 2"]);
  });

  it("removes the temp files of a killed rewrite at start", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    await tableWithDecisions(dir.path, 1);
    await writeFile(join(dir.path, "tables", ".console.json.1a2b3c4d.tmp"), "{half");
    await writeFile(join(dir.path, "tables", "console.json.3b2a1f0c"), "{half");
    const store = await openFileStore(dir.path);
    cleanups.push(() => store.close());
    // The journal was folded into the snapshot and set aside at the start, too.
    expect((await readdir(join(dir.path, "tables"))).sort()).toEqual(["console.json"]);
  });
});

/** A small tmpfs: a real full disk. Needs root (CI runs as root); elsewhere the test says why it is skipped. */
function mountSmallDisk(path: string, size: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", path], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(process.getuid?.() !== 0)("the embedded store on a full disk", () => {
  it("answers 'niet opgeslagen' when the disk is full, keeps every acknowledged write, and opens again", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const disk = join(dir.path, "disk");
    await mkdir(disk);
    if (!mountSmallDisk(disk, "192k")) return expect.fail("could not mount a tmpfs as root");
    cleanups.push(async () => void execFileSync("umount", [disk]));

    const h = await harness({ dir: disk });
    await h.say("anna", "setup Triage regio=midden");
    await h.say("anna", "signaal 2345678 ongeoorloofd 2 vrijdag");
    const acknowledged: string[] = [];
    let refused = "";
    for (let i = 1; i <= 2000 && !refused; i++) {
      const note = `Besluit ${i} ${"met een lange toelichting ".repeat(18)}`.slice(0, 480).trim();
      const out = await h.say("anna", `besluit C-1 "${note}"`);
      if (out.reply.error) refused = text(out);
      else acknowledged.push(note);
    }
    expect(refused).toMatch(/Niet opgeslagen: het wegschrijven mislukte/);
    expect(acknowledged.length).toBeGreaterThan(10);
    // A look at a case that cannot be put on record is not shown: the read log is full too, and stays whole.
    const seen = (await h.store.reads("console", {})).length;
    const look = await h.say("anna", "casus C-1");
    expect(text(look)).toMatch(/Niet opgeslagen: het wegschrijven mislukte/);
    await h.store.close().catch(() => undefined);

    const again = await openFileStore(disk);
    cleanups.push(() => again.close());
    expect((await again.read("console")).decisions.map((d) => d.text)).toEqual(acknowledged);
    expect(await again.reads("console", {})).toHaveLength(seen);
  });
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Delta } from "../tracker.ts";
import { backupsOf, readBackup, restoreBackup } from "./backups.ts";
import { entryOf, Index, type IndexEntry, tableFileIds } from "./index-file.ts";
import { readLine } from "./journal.ts";
import { lockDirectory } from "./lock.ts";
import { checkRegions } from "./regions.ts";
import { salvage } from "./salvage.ts";
import { readSnapshot, tableShaped, writeSnapshot } from "./snapshot.ts";
import { writeVerified } from "./verified-write.ts";

export interface TableCheck {
  id: string;
  /** What is wrong, in the operator's words; empty when the table is whole. */
  problems: string[];
  /** What a repair did. */
  repaired: string[];
  /** Whether a repair made it whole. */
  fixed?: true;
}

async function text(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

const parses = (raw: string) => {
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
};

/** The newest backup of a table that reads (its document and journal), with its file name. */
async function newestBackup(dir: string, id: string) {
  for (const file of (await backupsOf(dir, id)).reverse()) {
    const doc = await readBackup(dir, id, file).catch(() => null);
    if (doc) return { file, doc: doc as unknown as Record<string, unknown> };
  }
  return null;
}

/**
 * `npm run store -- check DIR` reads every table's snapshot and journal and says what is damaged, changing
 * nothing; `repair` rebuilds a damaged table from what is whole (the snapshot, else the newest backup that reads,
 * plus every journal line that passes its checksum) and says what could not be recovered. Needs the directory's
 * lock, so never runs beside a Tafel that has it open.
 */
export async function checkDataDirectory(dir: string, repair: boolean): Promise<TableCheck[]> {
  const release = await lockDirectory(dir);
  try {
    const out: TableCheck[] = [];
    const regions = await checkRegions(dir, repair);
    if (regions) out.push(regions);
    const ids = await checkIndex(dir, repair, out);
    for (const id of ids) {
      const problems: string[] = [];
      const repaired: string[] = [];
      const snapshotPath = join(dir, "tables", `${id}.json`);
      let base = await readSnapshot(snapshotPath).catch(() => null);
      if (base && !tableShaped(base)) base = null;
      if (!base) problems.push(`${snapshotPath}: de snapshot is onleesbaar of geen tafel`);
      const lines = ((await text(join(dir, "tables", `${id}.journal`))) ?? "").split("\n");
      if (lines.at(-1) === "") lines.pop();
      const deltas: Delta[] = [];
      for (const [i, line] of lines.entries()) {
        const delta = readLine(line);
        if (delta) {
          deltas.push(delta);
          continue;
        }
        problems.push(
          i < lines.length - 1
            ? `${id}.journal regel ${i + 1}: beschadigd (checksum, JSON of geen wijziging)`
            : `${id}.journal regel ${i + 1}: afgebroken laatste regel (wordt bij de start afgeknipt)`,
        );
      }
      if (!repair || problems.length === 0) {
        out.push({ id, problems, repaired });
        continue;
      }
      if (!base) {
        const backup = await newestBackup(dir, id);
        if (!backup) {
          out.push({ id, problems, repaired: ["geen leesbare back-up: niet hersteld"] });
          continue;
        }
        base = backup.doc;
        repaired.push(
          `uitgegaan van back-up ${backup.file}: wijzigingen tussen die back-up en de snapshot zijn weg`,
        );
      }
      // Every intact line, moved over what a lost line had added (salvage.ts).
      const saved = salvage(base, deltas);
      if (!saved) {
        out.push({
          id,
          problems,
          repaired: [...repaired, "het resultaat past niet in het schema: niet hersteld"],
        });
        continue;
      }
      await writeSnapshot(snapshotPath, saved.doc);
      await writeVerified(join(dir, "tables", `${id}.journal`), "");
      repaired.push(`${saved.used} goede journaalregels verwerkt in een nieuwe snapshot`);
      if (saved.used < deltas.length)
        repaired.push(
          `${deltas.length - saved.used} regels hingen af van een beschadigde regel: niet hersteld`,
        );
      out.push({ id, problems, repaired, fixed: true });
    }
    return out;
  } finally {
    await release();
  }
}

/**
 * The index: damaged (the start refuses), missing or short of a table whose files are there (the start takes
 * those in again). `repair` writes it anew from the table files, a damaged table's from its newest backup.
 * Returns the ids of the tables to check.
 */
async function checkIndex(dir: string, repair: boolean, out: TableCheck[]): Promise<string[]> {
  const raw = await text(join(dir, "index.json"));
  const index = raw === null ? null : Index.safeParse(parses(raw)).data;
  const listed = index?.tables ?? [];
  const files = await tableFileIds(dir);
  const missing = files.filter((id) => !listed.some((t) => t.id === id));
  const ids = [...listed.map((t) => t.id), ...missing];
  const problems =
    raw !== null && !index
      ? ["index.json is beschadigd: de start weigert"]
      : missing.map((id) => `tafel ${id} staat niet in index.json (de start neemt haar weer op)`);
  if (problems.length === 0) return ids;
  if (!repair) {
    out.push({ id: "index.json", problems, repaired: [] });
    return ids;
  }
  const entries: IndexEntry[] = [];
  for (const id of ids) {
    const entry = (await entryOf(dir, id)) ?? tableEntry((await newestBackup(dir, id))?.doc);
    if (entry) entries.push(entry);
  }
  await writeVerified(join(dir, "index.json"), JSON.stringify({ schemaVersion: 1, tables: entries }));
  out.push({
    id: "index.json",
    problems,
    repaired: [`opnieuw opgebouwd uit de tafelbestanden: ${entries.length} tafels`],
    fixed: true,
  });
  return entries.map((e) => e.id);
}

const tableEntry = (doc: Record<string, unknown> | undefined): IndexEntry | null => {
  const t = doc?.table as { id?: unknown; name?: unknown; conversation?: unknown } | undefined;
  return typeof t?.id === "string" && typeof t.name === "string" && typeof t.conversation === "string"
    ? { id: t.id, name: t.name, conversation: t.conversation }
    : null;
};

/**
 * `npm run store -- restore DIR TABLE [BACKUP]`: puts a backup (the newest, or the one named) in place of a table's
 * snapshot and journal. Needs the directory's lock, so Tafel must be stopped. Returns the backup used, or null.
 */
export async function restoreTable(dir: string, id: string, named?: string): Promise<string | null> {
  const release = await lockDirectory(dir);
  try {
    // Only a table of this directory (its index, or its table files when the index is damaged): the name
    // typed never becomes a path of its own.
    const index = Index.safeParse(parses((await text(join(dir, "index.json"))) ?? "")).data;
    const known = [...(index?.tables ?? []).map((t) => t.id), ...(await tableFileIds(dir))];
    if (!known.includes(id)) return null;
    const files = await backupsOf(dir, id);
    const file = named === undefined ? files.at(-1) : files.find((f) => f === named || f === `${named}.json`);
    if (!file) return null;
    await readBackup(dir, id, file);
    await restoreBackup(dir, id, file);
    return file;
  } finally {
    await release();
  }
}

import { copyFile, link, mkdir, readdir, readFile, rm, truncate } from "node:fs/promises";
import { join } from "node:path";
import type { TableDoc } from "../../core/model.ts";
import { purgeCase } from "../../core/retention.ts";
import { applyDelta } from "../tracker.ts";
import { readLine } from "./journal.ts";
import { readStoredSnapshot, writeSnapshot } from "./snapshot.ts";
import { writeVerified } from "./verified-write.ts";

/**
 * A table's backups in `<data>/backups/<table>/`: `<time>.json`, and beside it `<time>.journal` when the backup
 * was taken while Tafel ran. The newest seven are kept.
 */
export const BACKUPS_KEPT = 7;

const stampOf = (at: Date) => at.toISOString().replace(/:/g, "_");
const folderOf = (dir: string, id: string) => join(dir, "backups", id);
const journalOf = (file: string) => file.replace(/\.json$/, ".journal");

async function backupsIn(folder: string): Promise<string[]> {
  return (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort();
}

async function prune(folder: string, keep: number) {
  const files = await backupsIn(folder);
  for (const old of files.slice(0, Math.max(0, files.length - keep))) {
    await rm(join(folder, old));
    await rm(join(folder, journalOf(old)), { force: true });
  }
}

/** Whether a table has no backup of that day yet. */
export async function backupDue(dir: string, id: string, at: Date): Promise<boolean> {
  const newest = (await backupsIn(folderOf(dir, id))).at(-1);
  return newest?.slice(0, 10) !== at.toISOString().slice(0, 10);
}

/**
 * A table's backup, from its files instead of its memory: the snapshot is linked (it is only ever replaced by a
 * rename, never written in place, so the link keeps this version) and the journal copied up to its last whole
 * line. Nothing is serialised, so a three-year table's backup costs a file copy, not a stall, and a start does
 * not hold the table twice in memory. Taken at start (before any migration, and once a day) and after the day's
 * first write; in the table's queue, so no write or compaction moves the files under it.
 */
export async function backUpFiles(
  dir: string,
  id: string,
  files: { snapshot: string; journal: string; journalBytes: number },
  at: Date,
) {
  const folder = folderOf(dir, id);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const target = join(folder, `${stampOf(at)}.json`);
  // A file system without hard links (or a snapshot elsewhere) gets a copy.
  await link(files.snapshot, target).catch(() => copyFile(files.snapshot, target));
  if (files.journalBytes > 0) {
    await copyFile(files.journal, journalOf(target));
    await truncate(journalOf(target), files.journalBytes);
  }
  await prune(folder, BACKUPS_KEPT);
}

/** A backup as the table it holds: its document with its journal's good lines applied. */
export async function readBackup(dir: string, id: string, file: string): Promise<TableDoc> {
  const folder = folderOf(dir, id);
  const doc = await readStoredSnapshot(join(folder, file));
  const journal = await readFile(join(folder, journalOf(file)), "utf8").catch(() => "");
  for (const line of journal.split("\n")) {
    const delta = line ? readLine(line) : null;
    if (!delta) break;
    applyDelta(doc, delta);
  }
  return doc as unknown as TableDoc;
}

/** The backups of a table, oldest first. */
export const backupsOf = (dir: string, id: string) => backupsIn(folderOf(dir, id));

/** After a retention purge: every backup is rewritten whole (document and journal as one) with those cases purged. */
export async function scrubBackups(dir: string, id: string, caseIds: readonly string[], at: string) {
  const folder = folderOf(dir, id);
  for (const file of await backupsIn(folder)) {
    const doc = await readBackup(dir, id, file);
    // A backup may predate fields of the current schema; purging needs only these two.
    doc.outbox ??= [];
    for (const c of doc.cases ?? [])
      if (caseIds.includes(c.id)) {
        c.interventions ??= [];
        purgeCase(doc, c, at);
      }
    await writeSnapshot(join(folder, file), doc);
    await rm(join(folder, journalOf(file)), { force: true });
  }
}

/**
 * Puts a backup in place of a table's files (Tafel stopped): its document as the snapshot, its journal as the
 * journal, or none. Changes made after the backup are gone.
 */
export async function restoreBackup(dir: string, id: string, file: string) {
  const folder = folderOf(dir, id);
  await writeVerified(join(dir, "tables", `${id}.json`), await readFile(join(folder, file), "utf8"));
  const journal = await readFile(join(folder, journalOf(file)), "utf8").catch(() => "");
  await writeVerified(join(dir, "tables", `${id}.journal`), journal);
}

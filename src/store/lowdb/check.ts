import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TableDoc } from "../../core/model.ts";
import { MIGRATIONS, migrate } from "../migrations.ts";
import { applyDelta, type Delta } from "../tracker.ts";
import { backupsOf, readBackup, restoreBackup } from "./backups.ts";
import { readLine } from "./journal.ts";
import { lockDirectory } from "./lock.ts";
import { readSnapshot, writeSnapshot } from "./snapshot.ts";
import { writeVerified } from "./verified-write.ts";

export interface TableCheck {
  id: string;
  /** What is wrong, in the operator's words; empty when the table is whole. */
  problems: string[];
  /** What a repair did. */
  repaired: string[];
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
    const index = parses((await text(join(dir, "index.json"))) ?? "") as {
      tables?: Array<{ id: string }>;
    } | null;
    if (!index?.tables)
      return [{ id: "index.json", problems: ["index.json ontbreekt of is onleesbaar"], repaired: [] }];
    const out: TableCheck[] = [];
    for (const { id } of index.tables) {
      const problems: string[] = [];
      const repaired: string[] = [];
      const snapshotPath = join(dir, "tables", `${id}.json`);
      let base = await readSnapshot(snapshotPath).catch(() => null);
      if (!base) problems.push(`${snapshotPath}: de snapshot is onleesbaar`);
      const lines = ((await text(join(dir, "tables", `${id}.journal`))) ?? "").split("\n");
      if (lines.at(-1) === "") lines.pop();
      const deltas: Delta[] = [];
      let beforeDamage = -1;
      for (const [i, line] of lines.entries()) {
        const delta = readLine(line);
        if (delta) {
          deltas.push(delta);
          continue;
        }
        if (beforeDamage < 0) beforeDamage = deltas.length;
        problems.push(
          i < lines.length - 1
            ? `${id}.journal regel ${i + 1}: beschadigd (checksum of JSON)`
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
      // Every good line if the result is whole; else only those before the damage (a later line may build on
      // the damaged one, leaving a gap in a list).
      const start = base;
      const attempt = (use: readonly Delta[]) => {
        const copy = structuredClone(start);
        for (const d of use) applyDelta(copy, d);
        try {
          return TableDoc.safeParse(migrate(copy, MIGRATIONS)).data ?? null;
        } catch {
          return null;
        }
      };
      let used = deltas.length;
      let doc = attempt(deltas);
      if (!doc && beforeDamage >= 0) {
        used = beforeDamage;
        doc = attempt(deltas.slice(0, used));
      }
      if (!doc) {
        out.push({
          id,
          problems,
          repaired: [...repaired, "het resultaat past niet in het schema: niet hersteld"],
        });
        continue;
      }
      await writeSnapshot(snapshotPath, doc);
      await writeVerified(join(dir, "tables", `${id}.journal`), "");
      repaired.push(`${used} goede journaalregels verwerkt in een nieuwe snapshot`);
      if (used < deltas.length)
        repaired.push(`${deltas.length - used} regels na de beschadiging niet hersteld`);
      out.push({ id, problems, repaired });
    }
    return out;
  } finally {
    await release();
  }
}

/**
 * `npm run store -- restore DIR TABLE [BACKUP]`: puts a backup (the newest, or the one named) in place of a table's
 * snapshot and journal. Needs the directory's lock, so Tafel must be stopped. Returns the backup used, or null.
 */
export async function restoreTable(dir: string, id: string, named?: string): Promise<string | null> {
  const release = await lockDirectory(dir);
  try {
    // Only a table of this directory's index: the name typed never becomes a path of its own.
    const index = parses((await text(join(dir, "index.json"))) ?? "") as {
      tables?: Array<{ id: string }>;
    } | null;
    if (!index?.tables?.some((t) => t.id === id)) return null;
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

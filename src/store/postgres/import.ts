import { exportTable } from "../../core/export.ts";
import type { TableDoc } from "../../core/model.ts";
import { ok } from "../../core/result.ts";
import type { Store } from "../../ports.ts";

export type ImportOutcome =
  | "overgezet"
  | "al-aanwezig"
  /** The database has this table, or its conversation, with other content: left alone, for a person to look at. */
  | "verschilt";

export interface ImportLine {
  id: string;
  outcome: ImportOutcome;
  cases: number;
  actions: number;
}

/** Two tables are the same when their `export` is: the versioned schema a deployment relies on. */
const sameExport = (a: TableDoc, b: TableDoc) =>
  JSON.stringify(exportTable(a, "")) === JSON.stringify(exportTable(b, ""));

/**
 * Moves every table of an embedded store into another store, whole: outbox, audit and counters included, so the
 * new deployment neither repeats a reminder nor reuses an id. Each table is read back and compared before it
 * counts as moved. Running it again moves only what is missing.
 */
export async function importTables(from: Store, to: Store): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  for (const ref of await from.tables()) {
    const doc = await from.read(ref.id);
    const line = (outcome: ImportOutcome): ImportLine => ({
      id: ref.id,
      outcome,
      cases: doc.cases.length,
      actions: doc.actions.length,
    });
    const there = (await to.tables()).find((t) => t.id === ref.id || t.conversation === ref.conversation);
    if (there) {
      const same = there.id === ref.id && sameExport(doc, await to.read(there.id));
      if (same) await moveReads(from, to, ref.id);
      lines.push(line(same ? "al-aanwezig" : "verschilt"));
      continue;
    }
    const created = await to.create(structuredClone(doc));
    if (!created.ok) {
      lines.push(line("verschilt"));
      continue;
    }
    if (!sameExport(doc, await to.read(ref.id))) throw new Error(`table ${ref.id} reads back differently`);
    await moveReads(from, to, ref.id);
    lines.push(line("overgezet"));
  }
  await moveRegions(from, to);
  return lines;
}

/**
 * The regions (issue #30), after their tables: one the database has already is left as it is. A region's version
 * only orders its own saves, so a moved one starts again at 1.
 */
async function moveRegions(from: Store, to: Store) {
  const there = new Set((await to.regions.all()).map((r) => r.id));
  for (const region of await from.regions.all()) {
    if (there.has(region.id)) continue;
    const saved = await to.regions.save({ ...region, version: 1 });
    if (!saved.ok) throw new Error(`region ${region.id} not moved: ${saved.error.code}`);
  }
}

/**
 * The table's read log, after the table: appended through a change, which the store files as reads. Both logs
 * only grow and keep their order, so a run stopped half-way moves on from what the database already has.
 */
async function moveReads(from: Store, to: Store, id: string) {
  const reads = await from.reads(id, {});
  const there = (await to.reads(id, {})).length;
  if (reads.length <= there) return;
  const r = await to.transact(id, (d) => {
    d.audit.push(...reads.slice(there));
    return ok(null);
  });
  if (!r.ok) throw new Error(`reads of ${id} not moved: ${r.error.code}`);
}

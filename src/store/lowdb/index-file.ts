import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { readSnapshot, tableShaped } from "./snapshot.ts";

/**
 * `index.json` lists the tables of a data directory. It is derived: every table's snapshot names its own id, name
 * and conversation, so an index that is gone is made again from the table files, and one that is damaged is
 * rebuilt by `npm run store -- repair`; never does a start go on as if the tables were not there.
 */
export const Index = z.strictObject({
  schemaVersion: z.literal(1),
  tables: z.array(z.strictObject({ id: z.string(), name: z.string(), conversation: z.string() })),
});
export type Index = z.infer<typeof Index>;
export type IndexEntry = Index["tables"][number];

export class IndexDamaged extends Error {
  readonly code = "EINDEX";
  constructor(path: string) {
    super(
      `${path} is damaged: run \`npm run store -- repair\` on the data directory (it rebuilds the index from the table files)`,
    );
  }
}

/** The ids of the tables whose snapshot lies in the directory (`tables/<id>.json`). */
export async function tableFileIds(dir: string): Promise<string[]> {
  const files = await readdir(join(dir, "tables")).catch(() => [] as string[]);
  return files.filter((f) => /^[\w.-]+\.json$/.test(f)).map((f) => f.slice(0, -".json".length));
}

/** A table's index entry as its snapshot gives it, or null when the snapshot is missing or no table. */
export async function entryOf(dir: string, id: string): Promise<IndexEntry | null> {
  const doc = await readSnapshot(join(dir, "tables", `${id}.json`)).catch(() => null);
  if (!doc || !tableShaped(doc)) return null;
  const table = doc.table as { id: string; name?: unknown; conversation?: unknown };
  if (table.id !== id || typeof table.name !== "string" || typeof table.conversation !== "string")
    return null;
  return { id, name: table.name, conversation: table.conversation };
}

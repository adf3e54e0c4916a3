import { type FileHandle, open, rm } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { z } from "zod";
import { TableDoc } from "../../core/model.ts";
import { COLLECTIONS, type Delta } from "../tracker.ts";
import { linesOf, openIfThere } from "./lines.ts";

/** A journal line that is not the torn last one: the start stops, names it, and rewrites nothing. */
export class JournalDamaged extends Error {
  readonly code = "EJOURNAL";
  constructor(path: string, line: number) {
    super(`journal ${path} is damaged at line ${line}: run \`npm run store -- check\` on the data directory`);
  }
}

const checksum = (json: string) => crc32(json).toString(16).padStart(8, "0");
/** `crc32 json`: the checksum tells a damaged line from a good one (an older journal has bare JSON lines). */
const LINE = /^([0-9a-f]{8}) (.*)$/s;

/** One record as a line of an append-only file: its JSON after its checksum. */
export const lineOf = (record: unknown) => {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
};

/**
 * Appends whole lines to an append-only file that holds `bytes` bytes: acknowledged only when every byte landed
 * and was synced; a failed write is cut off again, since nothing half-written may stay before the next line (it
 * would read as damage in the middle). Returns the file's new length.
 */
export async function appendWhole(
  handle: FileHandle,
  bytes: number,
  text: string,
  what: string,
): Promise<number> {
  const data = Buffer.from(text);
  try {
    const { bytesWritten } = await handle.write(data);
    if (bytesWritten !== data.length)
      throw Object.assign(new Error(`short write to the ${what}`), { code: "ENOSPC" });
    await handle.sync();
  } catch (e) {
    await handle.truncate(bytes).catch(() => undefined);
    throw e;
  }
  return bytes + data.length;
}

/** A line read back, or null when it is damaged or torn. */
export function parseLine<T>(line: string): T | null {
  const m = LINE.exec(line);
  const json = m ? (m[2] as string) : line.startsWith("{") ? line : null;
  if (json === null || (m && m[1] !== checksum(json))) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/**
 * A change as a journal line holds it: whole values by a key of the table, and elements of its collections by
 * index. A line that passes its checksum but is no change (`{}`, an edit by hand) is damage like any other: the
 * start names it, `check` finds it and `repair` leaves it out, instead of replay failing somewhere inside.
 */
const TABLE_KEYS = new Set(Object.keys(TableDoc.shape));
const DeltaShape = z.strictObject({
  // A collection that shrank is set whole; one that grew or changed is written element by element.
  set: z.record(
    z.string().refine((k) => TABLE_KEYS.has(k)),
    z.unknown(),
  ),
  upsert: z.record(
    z.string().refine((k) => COLLECTIONS.has(k)),
    z.array(z.tuple([z.number().int().min(0).max(10_000_000), z.unknown()])),
  ),
});

export const readLine = (line: string): Delta | null => {
  const parsed = parseLine<unknown>(line);
  return parsed === null ? null : ((DeltaShape.safeParse(parsed).data as Delta | undefined) ?? null);
};

/**
 * The changes to one table since its last snapshot, one checksummed JSON line each, fsync'd before a command is
 * answered. A crash can only tear the line being written: a bad last line is cut at start; a bad line with good
 * lines after it is damage, and the start stops with the file and line named instead of dropping what follows.
 */
export class Journal {
  private readonly path: string;
  private handle: FileHandle | null = null;
  bytes = 0;

  constructor(path: string) {
    this.path = path;
  }

  /** Every good line; `repair` cuts the journal at the first bad one instead of refusing (the repair command). */
  async readAll(repair = false): Promise<Delta[]> {
    // Read and write: a torn last line is cut off.
    const file = await openIfThere(this.path, "r+");
    if (!file) return [];
    const deltas: Delta[] = [];
    let good = 0;
    // The first bad line: the torn last one if no line follows it, else damage.
    let bad: number | null = null;
    try {
      let n = 0;
      read: for await (const lines of linesOf(file))
        for (const line of lines) {
          n++;
          if (bad !== null) {
            if (repair) break read;
            throw new JournalDamaged(this.path, bad);
          }
          const delta = readLine(line);
          if (delta === null) bad = n;
          else {
            deltas.push(delta);
            good += Buffer.byteLength(line) + 1;
          }
        }
      if (good < (await file.stat()).size) await file.truncate(good);
    } finally {
      await file.close();
    }
    this.bytes = good;
    return deltas;
  }

  /** Acknowledged only when every byte landed and was synced; a failed write is cut off again. */
  async append(delta: Delta) {
    this.handle ??= await open(this.path, "a", 0o600);
    this.bytes = await appendWhole(this.handle, this.bytes, lineOf(delta), "journal");
  }

  /**
   * At the start of a holder, once the snapshot holds every line: the file is removed, and the next append
   * makes a new one. A process that held the directory before and is only paused keeps the old file open; what
   * it appends goes there, where no start reads it.
   */
  async restart() {
    await this.handle?.close();
    this.handle = null;
    await rm(this.path, { force: true });
    this.bytes = 0;
  }

  /** After a snapshot holds everything: start the journal again. */
  async clear() {
    this.handle ??= await open(this.path, "a", 0o600);
    await this.handle.truncate(0);
    await this.handle.sync();
    this.bytes = 0;
  }

  async close() {
    await this.handle?.close();
    this.handle = null;
  }
}

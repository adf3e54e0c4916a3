import { type FileHandle, open, readFile, truncate } from "node:fs/promises";
import { crc32 } from "node:zlib";
import type { Delta } from "../tracker.ts";

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

export const readLine = (line: string) => parseLine<Delta>(line);

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
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    const lines = text.split("\n");
    const deltas: Delta[] = [];
    let good = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const last = i === lines.length - 1 || (i === lines.length - 2 && lines[i + 1] === "");
      if (line === "" && i === lines.length - 1) break;
      const delta = readLine(line);
      if (delta === null) {
        if (!last && !repair) throw new JournalDamaged(this.path, i + 1);
        break;
      }
      deltas.push(delta);
      good += Buffer.byteLength(line) + 1;
    }
    if (good < Buffer.byteLength(text)) await truncate(this.path, good);
    this.bytes = good;
    return deltas;
  }

  /** Acknowledged only when every byte landed and was synced; a failed write is cut off again. */
  async append(delta: Delta) {
    this.handle ??= await open(this.path, "a", 0o600);
    this.bytes = await appendWhole(this.handle, this.bytes, lineOf(delta), "journal");
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

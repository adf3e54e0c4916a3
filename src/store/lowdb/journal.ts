import { type FileHandle, open, readFile, truncate } from "node:fs/promises";
import type { Delta } from "../tracker.ts";

/**
 * The changes to one table since its last snapshot, one JSON line each, fsync'd before a command is answered.
 * A crash can only tear the line being written; reading stops at the first line that does not parse and cuts it.
 */
export class Journal {
  private readonly path: string;
  private handle: FileHandle | null = null;
  bytes = 0;

  constructor(path: string) {
    this.path = path;
  }

  async readAll(): Promise<Delta[]> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    const deltas: Delta[] = [];
    let good = 0;
    for (const line of text.split("\n")) {
      if (line === "") break;
      try {
        deltas.push(JSON.parse(line) as Delta);
      } catch {
        break;
      }
      good += Buffer.byteLength(line) + 1;
    }
    if (good < Buffer.byteLength(text)) await truncate(this.path, good);
    this.bytes = good;
    return deltas;
  }

  async append(delta: Delta) {
    this.handle ??= await open(this.path, "a", 0o600);
    const line = `${JSON.stringify(delta)}\n`;
    await this.handle.write(line);
    await this.handle.sync();
    this.bytes += Buffer.byteLength(line);
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

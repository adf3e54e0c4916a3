import { readFile } from "node:fs/promises";
import type { Adapter } from "lowdb";
import { writeVerified } from "./verified-write.ts";

/**
 * lowdb's own file adapter renames without fsync and shares one temp name between writers; this one writes a
 * unique temp file, checks and fsyncs it and renames it into place (writeVerified), owner-only. `parse` validates and
 * migrates what was read, so a document that does not fit the schema is refused at load, never half-used.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private readonly path: string;
  private readonly parse: (raw: unknown) => T;

  constructor(path: string, parse: (raw: unknown) => T) {
    this.path = path;
    this.parse = parse;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
    return this.parse(JSON.parse(text));
  }

  async write(data: T): Promise<void> {
    await writeVerified(this.path, JSON.stringify(data));
  }
}

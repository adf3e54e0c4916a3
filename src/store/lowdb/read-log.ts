import { type FileHandle, open, readFile } from "node:fs/promises";
import type { AuditEvent } from "../../core/model.ts";
import type { ReadQuery } from "../../ports.ts";
import { matches } from "../reads.ts";
import { appendWhole, lineOf, parseLine } from "./journal.ts";
import { writeVerified } from "./verified-write.ts";

/**
 * A table's reads (`<table>.reads`): one checksummed line per read, appended and fsync'd with the command that
 * audited them, read from disk when asked (an audit export), never held in memory. A damaged or torn line is
 * passed over: one lost read must not hide the others.
 */
export class ReadLog {
  private readonly path: string;
  private handle: FileHandle | null = null;
  private bytes: number | null = null;

  constructor(path: string) {
    this.path = path;
  }

  private async all(): Promise<AuditEvent[]> {
    const text = await readFile(this.path, "utf8").catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return "";
      throw e;
    });
    return text.split("\n").flatMap((line) => {
      const e = line ? parseLine<AuditEvent>(line) : null;
      return e ? [e] : [];
    });
  }

  /** Every byte lands and is synced before the command is answered; a failed write is cut off again. */
  async append(events: readonly AuditEvent[]) {
    this.handle ??= await open(this.path, "a", 0o600);
    this.bytes ??= (await this.handle.stat()).size;
    this.bytes = await appendWhole(this.handle, this.bytes, events.map(lineOf).join(""), "read log");
  }

  async find(q: ReadQuery): Promise<AuditEvent[]> {
    return (await this.all()).filter((e) => matches(e, q));
  }

  /** Rewrites the log without the reads from before `before`, when there are any. */
  async prune(before: string): Promise<number> {
    const all = await this.all();
    const kept = all.filter((e) => e.at >= before);
    if (kept.length === all.length) return 0;
    await this.close();
    await writeVerified(this.path, kept.map(lineOf).join(""));
    return all.length - kept.length;
  }

  async close() {
    await this.handle?.close();
    this.handle = null;
    this.bytes = null;
  }
}

/** The memory store's read log: the same promises, in this process. */
export class MemoryReadLog {
  private events: AuditEvent[] = [];

  async append(events: readonly AuditEvent[]) {
    this.events.push(...events);
  }

  async find(q: ReadQuery) {
    return this.events.filter((e) => matches(e, q));
  }

  async prune(before: string) {
    const n = this.events.length;
    this.events = this.events.filter((e) => e.at >= before);
    return n - this.events.length;
  }

  async close() {}
}

import { type FileHandle, open } from "node:fs/promises";
import type { AuditEvent } from "../../core/model.ts";
import type { ReadQuery } from "../../ports.ts";
import { matches } from "../reads.ts";
import { appendWhole, lineOf, parseLine } from "./journal.ts";
import { linesOf, openIfThere } from "./lines.ts";
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

  /** The reads on record, a read of the file at a time; a damaged or torn line is passed over. */
  private async *all(): AsyncGenerator<AuditEvent[]> {
    const file = await openIfThere(this.path, "r");
    if (!file) return;
    try {
      for await (const lines of linesOf(file))
        yield lines.flatMap((line) => {
          const event = line ? parseLine<AuditEvent>(line) : null;
          return event ? [event] : [];
        });
    } finally {
      await file.close();
    }
  }

  /** Every byte lands and is synced before the command is answered; a failed write is cut off again. */
  async append(events: readonly AuditEvent[]) {
    this.handle ??= await open(this.path, "a", 0o600);
    this.bytes ??= (await this.handle.stat()).size;
    this.bytes = await appendWhole(this.handle, this.bytes, events.map(lineOf).join(""), "read log");
  }

  async find(q: ReadQuery): Promise<AuditEvent[]> {
    const found: AuditEvent[] = [];
    for await (const events of this.all()) for (const e of events) if (matches(e, q)) found.push(e);
    return found;
  }

  /** Rewrites the log without the reads from before `before`, when there are any. */
  async prune(before: string): Promise<number> {
    const kept: string[] = [];
    let dropped = 0;
    for await (const events of this.all())
      for (const e of events)
        if (e.at >= before) kept.push(lineOf(e));
        else dropped++;
    if (dropped === 0) return 0;
    await this.close();
    await writeVerified(this.path, kept);
    return dropped;
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

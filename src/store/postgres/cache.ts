import type { TableDoc } from "../../core/model.ts";
import type { Lengths } from "./parts.ts";

/** A table as this instance last read it, the version it read, and about how much of memory it takes. */
export interface Held {
  doc: TableDoc;
  version: number;
  lengths: Lengths;
  /** Its rows' JSON bytes as stored: the measure of the cache's budget (the heap holds some multiple of it). */
  bytes: number;
}

/**
 * The tables an instance holds (issue #32 item 1), within a memory budget (`TAFEL_CACHE_MB`): past it the least
 * recently used go, and are read again by their version when next needed. A Map keeps the order entries were last
 * set in, so its first entries are the least recently used.
 */
/** Tables passing by at once: more than the sweeps an instance runs together (four job workers). */
const PASSING = 8;

export class TableCache {
  private readonly held = new Map<string, Held>();
  /**
   * The tables sweeps are passing by, held apart so that they push no hot table out: one for each sweep working at
   * once (a job queue runs several on an instance), the oldest let go past `PASSING`.
   */
  private readonly passingBy = new Map<string, Held>();
  private readonly budget: number;
  private bytes = 0;
  private evictions = 0;

  constructor(budget: number) {
    this.budget = budget;
  }

  get(tableId: string): Held | undefined {
    return this.held.get(tableId) ?? this.passingBy.get(tableId);
  }

  /**
   * Marks a table as just used, and lets the least recently used others go while the budget is exceeded. A table a
   * sweep passes by (`passing`) that is not held already stays apart, until the sweep's next table or a real use.
   */
  keep(tableId: string, held: Held, passing = false) {
    if (passing && !this.held.has(tableId)) {
      this.passingBy.delete(tableId);
      this.passingBy.set(tableId, held);
      for (const id of this.passingBy.keys()) {
        if (this.passingBy.size <= PASSING) break;
        this.passingBy.delete(id);
      }
      return;
    }
    this.passingBy.delete(tableId);
    const before = this.held.get(tableId);
    if (before) this.bytes -= before.bytes;
    this.held.delete(tableId);
    this.held.set(tableId, held);
    this.bytes += held.bytes;
    for (const [id, other] of this.held) {
      if (this.bytes <= this.budget) break;
      // The table in use stays, even alone past the budget.
      if (id === tableId) continue;
      this.held.delete(id);
      this.bytes -= other.bytes;
      this.evictions++;
    }
  }

  /** What the cache holds now: tables, their bytes, and how many were let go so far (`/metrics`, the cache test). */
  stats() {
    return { tables: this.held.size, bytes: this.bytes, evictions: this.evictions };
  }
}

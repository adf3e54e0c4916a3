import type { AuditEvent, TableDoc } from "../core/model.ts";
import type { Result } from "../core/result.ts";
import { splitReads } from "./reads.ts";
import { type Delta, track } from "./tracker.ts";

export type Made<T> = { value: T; delta: Delta; reads: AuditEvent[]; rollback: () => void };

/**
 * Runs a change on a table itself under a tracker, as every store does. Refused or failing, what it wrote is
 * undone (a failure is thrown on). Made, it yields what it wrote and the reads it audited, taken out of the
 * table for the store's read log, and `rollback` for when writing it then fails.
 */
export function runChange<T>(
  doc: TableDoc,
  change: (draft: TableDoc) => Result<T>,
): { refused: Result<T> } | Made<T> {
  const audited = doc.audit.length;
  const tracked = track(doc);
  let result: Result<T>;
  try {
    result = change(tracked.draft);
  } catch (e) {
    tracked.rollback();
    throw e;
  }
  if (!result.ok) {
    tracked.rollback();
    return { refused: result };
  }
  const value = tracked.plain(result.value) as T;
  const delta = tracked.delta();
  const reads = splitReads(doc, delta, audited);
  return { value, delta, reads, rollback: () => tracked.rollback() };
}

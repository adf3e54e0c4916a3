import type { AuditEvent, TableDoc } from "../core/model.ts";
import { isRead } from "../core/table.ts";
import type { ReadQuery } from "../ports.ts";
import type { Delta } from "./tracker.ts";

/**
 * Takes the reads a change audited out of the table and out of what the store writes of it, in their order, for
 * the store's read log: a table keeps its history, not every look at it, so years of reads are neither in its
 * memory nor in every snapshot. `before` is the audit trail's length before the change.
 */
export function splitReads(doc: TableDoc, delta: Delta, before: number): AuditEvent[] {
  const written = delta.upsert.audit;
  const added = (written ?? []).filter(([i]) => i >= before).map(([, e]) => e as AuditEvent);
  if (!written || !added.some((e) => isRead(e.event))) return [];
  const kept = added.filter((e) => !isRead(e.event));
  doc.audit.length = before;
  doc.audit.push(...kept);
  const upserts: Array<[number, unknown]> = [
    ...written.filter(([i]) => i < before),
    ...kept.map((e, k): [number, unknown] => [before + k, e]),
  ];
  if (upserts.length > 0) delta.upsert.audit = upserts;
  else delete delta.upsert.audit;
  return added.filter((e) => isRead(e.event));
}

/** Whether a read is one a query asks for (`Store.reads`). */
export const matches = (e: AuditEvent, q: ReadQuery) =>
  (q.from == null || e.at >= q.from) &&
  (q.to == null || e.at < q.to) &&
  (q.caseId === undefined || e.caseId === q.caseId);

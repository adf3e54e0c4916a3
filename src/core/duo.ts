import type { Case, TableDoc } from "./model.ts";
import { fail, ok, type Result } from "./result.ts";
import { crossedThreshold } from "./retention.ts";

/**
 * The school's verzuimmelding to DUO (domain.md TH-01, §4 the school's duty): once a case is meldplichtig the
 * school reports it, and Tafel keeps that it did, so the table sees which reports are still open.
 */

/** The instant the case was last found meldplichtig (audited as `casus.meldplichtig`), or null. */
export function crossedAt(doc: TableDoc, c: Case): string | null {
  for (let i = doc.audit.length - 1; i >= 0; i--) {
    const e = doc.audit[i];
    if (e?.caseId === c.id && e.event === "casus.meldplichtig") return e.at;
  }
  return null;
}

/** A report still owed: the case is meldplichtig (its threshold crossing is on record) and not yet reported. */
export const reportOwed = (c: Case): boolean =>
  c.status !== "closed" && c.duoReport === null && crossedThreshold(c);

export function recordReport(c: Case, on: string, by: string, at: string, today: string): Result<Case> {
  if (c.duoReport) return fail("al-gemeld", { id: c.id, date: c.duoReport.on });
  if (!crossedThreshold(c)) return fail("niet-meldplichtig", { id: c.id });
  if (on > today) return fail("datum-in-toekomst");
  c.duoReport = { on, by, at };
  return ok(c);
}

import { localDate, plusDays } from "../core/dates.ts";
import { exportTable } from "../core/export.ts";
import type { AuditEvent } from "../core/model.ts";
import { annualFigures, type SchoolYear, schoolYear } from "../core/report.ts";
import { ok } from "../core/result.ts";
import { caseIn } from "./cases.ts";
import { type Deps, look } from "./context.ts";

/** The table's history and its reads as one trail, in order of time (a stable sort keeps each one's order). */
const byTime = (events: AuditEvent[]) => events.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));

export function makeRecordUseCases(deps: Deps) {
  return {
    /** The full table as versioned JSON, for the chair; the export itself is audited. */
    exportTable(tableId: string, actorId: string) {
      return look(deps, tableId, actorId, "export", (a) => {
        a.audit("tafel.geexporteerd");
        const rules = a.rules();
        return ok({
          data: exportTable(a.doc, a.at),
          evaluations: new Map(a.doc.cases.map((c) => [c.id, rules.evaluate(c)])),
          records: new Map(a.doc.cases.map((c) => [c.id, c])),
        });
      });
    },

    /**
     * Every audit event of the table between two local dates, for the privacy officer: its history from the table,
     * its reads from the store's read log (this export's own read not yet among them), in order of time.
     */
    async auditExport(tableId: string, actorId: string, from: string | null, to: string | null) {
      const within = (e: AuditEvent) => {
        const day = localDate(new Date(e.at));
        return (from === null || day >= from) && (to === null || day <= to);
      };
      // A day either side in UTC holds every Amsterdam day of the period; the local dates then decide.
      const reads = await deps.store.reads(tableId, {
        from: from === null ? null : `${plusDays(from, -1)}T00:00:00Z`,
        to: to === null ? null : `${plusDays(to, 2)}T00:00:00Z`,
      });
      return look(deps, tableId, actorId, "audit", (a) => {
        const events = byTime([...a.doc.audit.filter(within), ...reads.filter(within)]);
        a.audit("audit.geexporteerd", null, `${from ?? "…"}..${to ?? "…"}`);
        return ok(events);
      });
    },

    /** The annual report's figures for a school year and the year before (RPT-01..07, 09, 10); audited. */
    report(tableId: string, actorId: string, year: SchoolYear) {
      return look(deps, tableId, actorId, "rapport", (a) => {
        const rules = a.rules();
        const before = schoolYear(
          `${Number(year.label.slice(0, 4)) - 1}-${year.label.slice(0, 4)}`,
        ) as SchoolYear;
        a.audit("rapport.gemaakt", null, year.label);
        return ok({
          current: annualFigures(a.doc, year),
          previous: annualFigures(a.doc, before),
          pupils: rules.policy.pupils,
          minimum: rules.policy.reportMinimum,
        });
      });
    },

    async auditTrail(tableId: string, actorId: string, caseId: string) {
      const reads = await deps.store.reads(tableId, { caseId });
      return look(deps, tableId, actorId, "audit", (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const events = byTime([...a.doc.audit.filter((e) => e.caseId === caseId), ...reads]);
        a.audit("audit.bekeken", caseId);
        return ok(events);
      });
    },
  };
}

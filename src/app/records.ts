import { localDate } from "../core/dates.ts";
import { exportTable } from "../core/export.ts";
import { annualFigures, type SchoolYear, schoolYear } from "../core/report.ts";
import { ok } from "../core/result.ts";
import { caseIn } from "./cases.ts";
import { act, type Deps } from "./context.ts";

export function makeRecordUseCases(deps: Deps) {
  return {
    /** The full table as versioned JSON, for the chair; the export itself is audited. */
    exportTable(tableId: string, actorId: string) {
      return act(deps, tableId, actorId, "export", (a) => {
        a.audit("tafel.geexporteerd");
        const rules = a.rules();
        return ok({
          data: exportTable(a.doc, a.at),
          evaluations: new Map(a.doc.cases.map((c) => [c.id, rules.evaluate(c)])),
          records: new Map(a.doc.cases.map((c) => [c.id, c])),
        });
      });
    },

    /** Every audit event of the table, reads included, between two local dates: for the privacy officer. */
    auditExport(tableId: string, actorId: string, from: string | null, to: string | null) {
      return act(deps, tableId, actorId, "audit", (a) => {
        const events = a.doc.audit.filter((e) => {
          const day = localDate(new Date(e.at));
          return (from === null || day >= from) && (to === null || day <= to);
        });
        a.audit("audit.geexporteerd", null, `${from ?? "…"}..${to ?? "…"}`);
        return ok(events);
      });
    },

    /** The annual report's figures for a school year and the year before (RPT-01..07, 09, 10); audited. */
    report(tableId: string, actorId: string, year: SchoolYear) {
      return act(deps, tableId, actorId, "rapport", (a) => {
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

    auditTrail(tableId: string, actorId: string, caseId: string) {
      return act(deps, tableId, actorId, "audit", (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const events = a.doc.audit.filter((e) => e.caseId === caseId);
        a.audit("audit.bekeken", caseId);
        return ok(events);
      });
    },
  };
}

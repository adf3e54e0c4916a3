import { localDate, plusDays } from "../core/dates.ts";
import { exportCase, exportHead } from "../core/export.ts";
import { prettyJsonPieces } from "../core/json-pieces.ts";
import type { AuditEvent, Case } from "../core/model.ts";
import { annualFigures, type SchoolYear, schoolYear } from "../core/report.ts";
import { ok } from "../core/result.ts";
import type { Evaluation } from "../core/rules/evaluate.ts";
import { caseIn } from "./cases.ts";
import { type Deps, look, rulesFor } from "./context.ts";

/** Cases of an export made before other work gets a turn. */
const TURN_EVERY = 100;

/** The table's history and its reads as one trail, in order of time (a stable sort keeps each one's order). */
const byTime = (events: AuditEvent[]) => events.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));

export function makeRecordUseCases(deps: Deps) {
  return {
    /**
     * The full table as versioned JSON, for the chair; the export itself is audited. The JSON is made when it is
     * delivered, a case at a time with `decorate`'s fields added, under Store.hold: of one moment, and never
     * whole in memory (76 MB at 10,000 cases). Between cases other tables' commands get their turn.
     */
    async exportTable(tableId: string, actorId: string) {
      const allowed = await look(deps, tableId, actorId, "export", (a) => {
        a.audit("tafel.geexporteerd");
        return ok({ at: a.at, today: a.today, region: a.region });
      });
      if (!allowed.ok) return allowed;
      const { at, today, region } = allowed.value;
      return ok({
        write: (decorate: (c: Case, e: Evaluation) => object, sink: (piece: string) => Promise<void>) =>
          deps.store.hold(tableId, async (doc) => {
            const rules = rulesFor(deps, doc, today, region);
            const cases = function* () {
              for (const c of doc.cases) yield { ...exportCase(doc, c), ...decorate(c, rules.evaluate(c)) };
            };
            let n = 0;
            for (const piece of prettyJsonPieces(exportHead(doc, at, region), "cases", cases())) {
              await sink(piece);
              if (++n % TURN_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
            }
          }),
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

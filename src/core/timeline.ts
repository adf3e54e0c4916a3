import { actionsOfCase, decisionsOfCase, positionsOfCase } from "./case-records.ts";
import type {
  Action,
  AuditEvent,
  Case,
  Decision,
  Intervention,
  Investigation,
  Meeting,
  Signal,
  SignalKind,
  TableDoc,
} from "./model.ts";

/** What happened to a case, one entry per event of its audit trail, with the record it concerns. */
export type TimelineEvent =
  | { kind: "signaal"; signal: Signal }
  | { kind: "signaal-ingetrokken"; signal: Signal }
  | { kind: "regie"; holder: string | null; by: string }
  | { kind: "afspraak"; action: Action }
  | { kind: "afspraak-af"; action: Action }
  | { kind: "besluit"; decision: Decision }
  | { kind: "besluit-ingetrokken"; decision: Decision }
  | { kind: "afspraak-gewijzigd"; action: Action; by: string }
  | { kind: "interventie"; intervention: Intervention }
  | { kind: "onderzoek"; investigation: Investigation; done: boolean; health: boolean }
  | { kind: "overleg"; meeting: Meeting }
  /** An audited event of the case itself: opened, closed, the legal basis, a crossing, a postponement, … */
  | { kind: "audit"; event: string; by: string; subject: string | null };

export interface TimelineEntry {
  at: string;
  event: TimelineEvent;
}

/** Events of the audit trail the timeline shows; reads (`casus.bekeken`) and the rest stay in the audit. */
const SHOWN_AUDIT: ReadonlySet<string> = new Set([
  "casus.geopend",
  "casus.gesloten",
  "casus.heropend",
  "casus.gevolgd",
  "casus.grondslag",
  "casus.nieuwkomer",
  "casus.herzien",
  "casus.meldplichtig",
  "casus.gemeld",
  "casus.vrijstelling",
  "casus.vastgelopen",
  "casus.doorbraak",
  "regio.meedoen",
  "casus.vlot",
  "casus.opgeschoond",
  "afspraak.uitgesteld",
  "spreekuur.geboekt",
  "spreekuur.wachtlijst",
  "spreekuur.uitkomst",
  "mdo.vastgelegd",
]);

const HEALTH: ReadonlySet<SignalKind> = new Set(["ziek", "zorg"]);

/**
 * A case's history, newest first, in the order the audit trail recorded it (events at one moment keep their
 * order); the details come from the records. Health signals only for a reader who may see them, enforcement
 * steps only for one who may see the MAS log: the timeline shows no more than the card does. What a purge
 * removed (signals, texts) is gone from the timeline too.
 */
export function timeline(
  doc: TableDoc,
  c: Case,
  sees: { health: boolean; enforcement: boolean },
): TimelineEntry[] {
  const signals = new Map(c.signals.map((s) => [s.id, s]));
  const actions = new Map(actionsOfCase(doc, c.id).map((a) => [a.id, a]));
  const decisions = new Map(decisionsOfCase(doc, c.id).map((d) => [d.id, d]));
  const interventions = new Map(c.interventions.map((i) => [i.id, i]));
  const discussed = new Map(
    doc.meetings.filter((m) => m.agenda.some((item) => item.caseId === c.id)).map((m) => [m.id, m]),
  );
  const out: TimelineEntry[] = [];
  const add = (at: string, event: TimelineEvent | undefined | false) => {
    if (event) out.push({ at, event });
  };
  // The case's own events and the meetings' starts, in the trail's order, found by index: a card does not read
  // years of the table's trail.
  const at = [
    ...positionsOfCase(doc.audit, c.id),
    ...positionsOfCase(doc.audit, null).filter((i) => doc.audit[i]?.event === "overleg.gestart"),
  ].sort((x, y) => x - y);
  for (const i of at) {
    const e = doc.audit[i] as AuditEvent;
    if (e.event === "overleg.gestart" && e.subject) {
      const meeting = discussed.get(e.subject);
      add(e.at, meeting && { kind: "overleg", meeting });
    }
    if (e.caseId !== c.id) continue;
    const subject = e.subject ?? "";
    const signal = signals.get(subject);
    const action = actions.get(subject);
    switch (e.event) {
      case "signaal.gemeld":
      case "signaal.ingetrokken":
        if (signal && (sees.health || !HEALTH.has(signal.kind)))
          add(e.at, { kind: e.event === "signaal.gemeld" ? "signaal" : "signaal-ingetrokken", signal });
        break;
      case "regie.toegewezen":
        add(e.at, { kind: "regie", holder: subject, by: e.actor });
        break;
      case "regie.losgelaten":
        add(e.at, { kind: "regie", holder: null, by: e.actor });
        break;
      case "afspraak.gemaakt":
        add(e.at, action && { kind: "afspraak", action });
        break;
      case "afspraak.klaar":
      case "afspraak.vervallen":
        add(e.at, action && { kind: "afspraak-af", action });
        break;
      case "besluit.vastgelegd":
      case "besluit.ingetrokken": {
        const decision = decisions.get(subject);
        add(
          e.at,
          decision && {
            kind: e.event === "besluit.vastgelegd" ? "besluit" : "besluit-ingetrokken",
            decision,
          },
        );
        break;
      }
      case "afspraak.gewijzigd":
        add(e.at, action && { kind: "afspraak-gewijzigd", action, by: e.actor });
        break;
      case "onderzoek.geopend":
      case "onderzoek.afgerond": {
        const investigation = c.investigations.find((i) => i.id === subject);
        add(
          e.at,
          investigation && {
            kind: "onderzoek",
            investigation,
            done: e.event === "onderzoek.afgerond",
            health: sees.health,
          },
        );
        break;
      }
      case "interventie.vastgelegd": {
        const intervention = interventions.get(subject.split(" ")[0] ?? "");
        add(e.at, sees.enforcement && intervention && { kind: "interventie", intervention });
        break;
      }
      default:
        if (SHOWN_AUDIT.has(e.event))
          add(e.at, { kind: "audit", event: e.event, by: e.actor, subject: e.subject });
    }
  }
  return out.reverse();
}

import { formatDate, formatSpan, localDate } from "../src/core/dates.ts";
import type { TimelineEntry, TimelineEvent } from "../src/core/timeline.ts";
import { isMessageKey } from "../src/i18n/index.ts";
import { amountText } from "./render.ts";
import { decisionText, investigationLine } from "./triage-render.ts";
import type { CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang" | "names" | "today">;

/** An audit subject `A-3 2026-11-27→2026-12-04`, as a postponement writes it. */
const POSTPONED = /^(A-\d+) (\d{4}-\d{2}-\d{2})→(\d{4}-\d{2}-\d{2})$/;

function auditText(w: Words, e: Extract<TimelineEvent, { kind: "audit" }>): string {
  const by = w.names(e.by);
  const subject = e.subject ?? "";
  switch (e.event) {
    case "casus.gesloten": {
      const key = `outcome.${subject}`;
      return w.t("tl.casus.gesloten", { outcome: isMessageKey(key) ? w.t(key) : subject, by });
    }
    case "casus.grondslag": {
      const key = `basis.${subject}`;
      return w.t("tl.casus.grondslag", { basis: isMessageKey(key) ? w.t(key) : subject });
    }
    case "casus.nieuwkomer":
    case "casus.herzien":
    case "casus.gemeld":
      return w.t(`tl.${e.event}`, {
        date: /^\d{4}-\d{2}-\d{2}$/.test(subject) ? formatDate(subject, w.lang) : subject,
        by,
      });
    case "casus.vrijstelling": {
      const key = `exemption.${subject.split(" ")[0]}`;
      return w.t("tl.casus.vrijstelling", { ground: isMessageKey(key) ? w.t(key) : subject, by });
    }
    case "afspraak.uitgesteld": {
      const m = POSTPONED.exec(subject);
      if (!m) return w.t("tl.afspraak.uitgesteld", { id: subject, from: "…", to: "…", by });
      return w.t("tl.afspraak.uitgesteld", {
        id: m[1] as string,
        from: formatDate(m[2] as string, w.lang),
        to: formatDate(m[3] as string, w.lang),
        by,
      });
    }
    default: {
      const key = `tl.${e.event}`;
      return isMessageKey(key) ? w.t(key, { by }) : e.event;
    }
  }
}

function eventText(w: Words, e: TimelineEvent): string {
  switch (e.kind) {
    case "signaal": {
      const s = e.signal;
      const n = s.hours ?? s.count;
      const kind = w.t(`kind.${s.kind}`);
      const line = w.t("tl.signaal", {
        id: s.id,
        what: n === null ? kind : `${amountText(w, s.kind, n)} ${kind}`,
        span: formatSpan(s.from, s.to, w.lang, w.today.slice(0, 4)),
        by: w.names(s.raisedBy),
      });
      // FR-28: what was gathered in the preventive phase is labelled wherever it is shown.
      return s.origin === "preventive" ? `${line} · ${w.t("signal.preventive")}` : line;
    }
    case "signaal-ingetrokken":
      return w.t("tl.signaal-ingetrokken", { id: e.signal.id });
    case "regie":
      return e.holder
        ? w.t("tl.regie", { holder: w.names(e.holder), by: w.names(e.by) })
        : w.t("tl.regie.los", { by: w.names(e.by) });
    case "afspraak":
      return w.t("tl.afspraak", {
        id: e.action.id,
        owner: w.names(e.action.owner),
        due: formatDate(e.action.due, w.lang),
        text: e.action.text,
      });
    case "afspraak-af":
      return w.t(e.action.status === "done" ? "tl.afspraak.done" : "tl.afspraak.cancelled", {
        id: e.action.id,
        by: w.names(e.action.closedBy ?? ""),
      });
    case "besluit":
      return w.t("tl.besluit", {
        id: e.decision.id,
        by: w.names(e.decision.by),
        text: decisionText(w, e.decision),
      });
    case "besluit-ingetrokken":
      return w.t("tl.besluit.ingetrokken", {
        id: e.decision.id,
        by: w.names(e.decision.withdrawn?.by ?? ""),
        reason: e.decision.withdrawn?.reason ?? "",
      });
    case "afspraak-gewijzigd":
      return w.t("tl.afspraak.gewijzigd", { id: e.action.id, by: w.names(e.by) });
    case "interventie":
      return w.t("tl.interventie", {
        kind: w.t(`intervention.${e.intervention.kind}`),
        date: formatDate(e.intervention.date, w.lang),
        by: w.names(e.intervention.by),
      });
    case "overleg":
      return w.t("tl.overleg", { id: e.meeting.id });
    case "onderzoek":
      return e.done
        ? w.t("tl.onderzoek.klaar", {
            id: e.investigation.id,
            line: investigationLine(w, e.investigation, e.health),
          })
        : w.t("tl.onderzoek.open", { id: e.investigation.id, officer: w.names(e.investigation.officer) });
    case "audit":
      return auditText(w, e);
  }
}

export const timelineLine = (w: Words, entry: TimelineEntry) =>
  w.t("tl.line", {
    date: formatDate(localDate(new Date(entry.at)), w.lang),
    text: eventText(w, entry.event),
  });

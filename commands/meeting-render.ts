import { formatDate, localDate } from "../src/core/dates.ts";
import type { CaseMinutes } from "../src/core/meetings.ts";
import type { AgendaItem, Meeting } from "../src/core/model.ts";
import { decisionText, mdoLine, priorityWords } from "./triage-render.ts";
import type { CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;

/** Agenda lines carry the case id and why it is there: never the pupil key, since the agenda goes to the channel. */
export const agendaLines = (w: Words, items: readonly AgendaItem[]) =>
  items.length
    ? items.map((i) =>
        w.t("agenda.item", {
          id: i.caseId,
          reasons: [
            ...i.reasons.map((r) => w.t(`agenda.${r}`)),
            ...(i.priority?.length ? [w.t("agenda.voorrang", { rules: priorityWords(w, i.priority) })] : []),
          ].join(", "),
        }),
      )
    : [w.t("agenda.none")];

const time = (instant: string) =>
  new Date(instant).toLocaleTimeString("nl-NL", {
    timeZone: "Europe/Amsterdam",
    hour: "2-digit",
    minute: "2-digit",
  });

export function minutesText(
  w: Words & Pick<CommandContext, "names">,
  meeting: Meeting,
  minutes: readonly CaseMinutes[],
): string {
  const title = w.t("minutes.title", {
    id: meeting.id,
    date: formatDate(localDate(new Date(meeting.startedAt)), w.lang),
    from: time(meeting.startedAt),
    to: meeting.endedAt ? time(meeting.endedAt) : "…",
  });
  if (minutes.length === 0) return `${title}\n${w.t("minutes.none")}`;
  return [title, ...minutes.flatMap((m) => [`${m.caseId}:`, ...caseMinutes(w, m)])].join("\n");
}

/** One case's part of the minutes: its decisions, agreements and regie changes in the meeting. */
export function caseMinutes(w: Words & Pick<CommandContext, "names">, m: CaseMinutes): string[] {
  return [
    // The minutes go to the channel: who took part, never the causes (they can be health data).
    ...m.mdos.map((x) => `  - ${mdoLine(w, x, m.actions, false)}`),
    ...m.decisions.map((d) => `  - ${w.t("minutes.decision", { id: d.id, text: decisionText(w, d) })}`),
    ...m.actions.map(
      (a) =>
        `  - ${w.t("minutes.action", { id: a.id, owner: w.names(a.owner), due: formatDate(a.due, w.lang), text: a.text })}`,
    ),
    ...m.regie.map(
      (r) =>
        `  - ${r.holder ? w.t("minutes.regie", { holder: w.names(r.holder), by: w.names(r.by) }) : w.t("minutes.regie.released", { by: w.names(r.by) })}`,
    ),
  ];
}

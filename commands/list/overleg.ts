import { formatDate, localDate } from "../../src/core/dates.ts";
import { OFFICER_ROLES, ROUTES } from "../../src/core/protocol-lists.ts";
import { WEEKDAY_NUMBERS } from "../../src/core/rules/policy.ts";
import { defineCommand } from "../define.ts";
import { agendaLines, caseMinutes, minutesText } from "../meeting-render.ts";
import { choice, date, invalid, option, param, unquoted } from "../params.ts";
import { tableReply } from "../render.ts";
import { readTime } from "../triage-params.ts";
import type { CommandContext, Post, Result } from "../types.ts";

const STEPS = ["start", "stop", "agenda", "notulen"] as const;
const STEP_WORDS: ReadonlyMap<string, (typeof STEPS)[number]> = new Map([
  ...STEPS.map((s) => [s, s] as const),
  ["minutes", "notulen"],
  ["end", "stop"],
  ["begin", "start"],
]);
/** `do`, `donderdag`, `thu`: the meeting's weekday as ISO number. */
const DAYS: ReadonlyMap<string, number> = new Map([
  ...[...WEEKDAY_NUMBERS].filter(([, n]) => n > 0),
  ["ma", 1],
  ["di", 2],
  ["wo", 3],
  ["do", 4],
  ["vr", 5],
]);
const word = <T>(label: { nl: string; en: string }, usage: string, read: (w: string) => T | undefined) =>
  param<T>({
    label,
    usage,
    read: (tokens) => {
      const w = unquoted(tokens)?.toLowerCase();
      if (w === undefined) return null;
      const v = read(w);
      return v === undefined ? invalid("reason.ritme") : { value: v, used: 1 };
    },
  });

export default defineCommand({
  name: "overleg",
  aliases: ["meeting"],
  summary: {
    nl: "Overleg: start (agenda in het kanaal), stop (notulen), agenda (voorvertoning), notulen [datum]",
    en: "Meeting: start (agenda to the channel), stop (minutes), agenda (preview), notulen [date]",
  },
  examples: [
    "overleg agenda",
    "overleg start",
    "overleg stop",
    "overleg notulen 23-11-2026",
    "overleg ritme=2w dag=do 13:00",
    "overleg notulen route=spreekuur",
  ],
  may: (a) => (a.step === "start" || a.step === "stop" || a.step === null ? "tafel-inrichten" : null),
  params: {
    // A step word, or nothing when the line sets the rhythm (`overleg ritme=2w dag=do 13:00`).
    step: param<(typeof STEPS)[number]>({
      label: { nl: "Stap", en: "Step" },
      usage: "<start|stop|agenda|notulen>",
      read: (tokens) => {
        const w = unquoted(tokens)?.toLowerCase();
        if (w === undefined || readTime(w) !== null) return null;
        const step = STEP_WORDS.get(w);
        return step ? { value: step, used: 1 } : invalid("reason.choice", { values: STEPS.join(", ") });
      },
    }).opt(),
    time: param<string>({
      label: { nl: "Tijd", en: "Time" },
      usage: "[uu:mm]",
      read: (tokens) => {
        const time = readTime(unquoted(tokens) ?? "");
        return time ? { value: time, used: 1 } : null;
      },
    }).opt(),
    date: date({ nl: "Datum", en: "Date" }, "past").opt(),
    // The table's rhythm (FR-05): every so many weeks, on a weekday, from a first date, agenda so many school days before.
    weeks: option(
      ["ritme", "rhythm"],
      word({ nl: "Ritme (weken)", en: "Rhythm (weeks)" }, "<2w|uit>", (w) =>
        w === "uit" || w === "off" ? 0 : /^(1[0-2]|[1-9])w?$/.test(w) ? Number.parseInt(w, 10) : undefined,
      ),
    ),
    // The minutes filtered by a decision's route or the officer's role (FR-40): `overleg notulen route=spreekuur`.
    route: option(["route"], choice({ nl: "Route", en: "Route" }, ROUTES)),
    officerRole: option(
      ["rol", "role"],
      choice({ nl: "Rol van leerplicht", en: "Leerplicht's role" }, OFFICER_ROLES),
    ),
    day: option(
      ["dag", "day"],
      word({ nl: "Dag", en: "Day" }, "<ma|di|wo|do|vr>", (w) => DAYS.get(w)),
    ),
    from: option(["vanaf", "from"], date({ nl: "Vanaf", en: "From" }, "future")),
    agendaDays: option(
      ["agenda"],
      word({ nl: "Agenda (schooldagen vooraf)", en: "Agenda (school days before)" }, "<n>", (w) =>
        /^(10|\d)$/.test(w) ? Number(w) : undefined,
      ),
    ),
  },
  async run(ctx, a) {
    if (a.step === null) return rhythm(ctx, a);
    if (a.step === "start") {
      const r = await ctx.use.meetings.start(ctx.tableId, ctx.actor.id);
      if (!r.ok) return r;
      const title = ctx.t("agenda.title", { id: r.value.id, date: formatDate(ctx.today, ctx.lang) });
      const lines = agendaLines(ctx, r.value.agenda).map((l, i) => `${i + 1}. ${l}`);
      return { reply: tableReply([ctx.t("agenda.started", { id: r.value.id }), title, ...lines].join("\n")) };
    }
    if (a.step === "agenda") {
      const r = await ctx.use.meetings.agenda(ctx.tableId, ctx.actor.id);
      if (!r.ok) return r;
      return {
        reply: {
          visibility: "private",
          title: ctx.t("agenda.preview", { date: formatDate(ctx.today, ctx.lang) }),
          blocks: [{ type: "list", items: agendaLines(ctx, r.value) }],
          // The first cases of the agenda open from it, as from a notice.
          buttons: r.value
            .slice(0, 5)
            .map((i) => ({ label: ctx.t("button.open", { id: i.caseId }), run: `casus ${i.caseId}` })),
        },
      };
    }
    const r =
      a.step === "stop"
        ? await ctx.use.meetings.stop(ctx.tableId, ctx.actor.id)
        : await ctx.use.meetings.minutes(ctx.tableId, ctx.actor.id, a.date);
    if (!r.ok) return r;
    const { meeting } = r.value;
    const filtered = a.route !== null || a.officerRole !== null;
    const minutes = filtered
      ? r.value.minutes
          .map((m) => ({
            ...m,
            mdos: [],
            actions: [],
            regie: [],
            decisions: m.decisions.filter(
              (d) =>
                (a.route === null || d.route === a.route) &&
                (a.officerRole === null || a.officerRole === d.role),
            ),
          }))
          .filter((m) => m.decisions.length > 0)
      : r.value.minutes;
    const text = minutesText(ctx, meeting, minutes);
    if (a.step !== "stop") return { reply: { visibility: "private", blocks: [{ type: "text", text }] } };
    // The minutes to the channel; each case's part also to that case's thread, where its history is read.
    const date = formatDate(localDate(new Date(meeting.startedAt)), ctx.lang);
    const posts: Post[] = minutes.map((m) => ({
      to: { kind: "table", tableId: ctx.tableId },
      caseId: m.caseId,
      threadCopy: true,
      text: [ctx.t("minutes.case", { meeting: meeting.id, date, id: m.caseId }), ...caseMinutes(ctx, m)].join(
        "\n",
      ),
    }));
    return { reply: tableReply(text), posts };
  },
});

/** `overleg ritme=2w dag=do 13:00 [vanaf=…] [agenda=2]`: the table's rhythm, from the first such day on or after today. */
async function rhythm(
  ctx: CommandContext,
  a: {
    weeks: number | null;
    day: number | null;
    time: string | null;
    from: string | null;
    agendaDays: number | null;
  },
): Promise<Result> {
  if (a.weeks === null && a.day === null && a.time === null && a.from === null && a.agendaDays === null)
    return { error: { code: "ritme", params: {} } };
  const change = {
    ...(a.weeks !== null ? { meetingWeeks: a.weeks } : {}),
    ...(a.day !== null ? { meetingDay: a.day } : {}),
    ...(a.time !== null ? { meetingTime: a.time } : {}),
    ...(a.agendaDays !== null ? { agendaDays: a.agendaDays } : {}),
    // The cycle counts from its first meeting: the date given, else today (moved on to the meeting day).
    ...(a.from !== null || a.weeks !== null ? { meetingFrom: a.from ?? ctx.today } : {}),
  };
  const label = Object.entries(change)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
  const r = await ctx.use.rules.setRhythm(ctx.tableId, ctx.actor.id, change, label);
  if (!r.ok) return r;
  const p = r.value.policy;
  if (p.meetingWeeks === 0) return { reply: tableReply(ctx.t("reply.ritme.uit")) };
  return {
    reply: tableReply(
      ctx.t("reply.ritme", {
        weeks: p.meetingWeeks,
        day: ctx.t(`weekday.${p.meetingDay as 1 | 2 | 3 | 4 | 5}`),
        time: p.meetingTime,
        days: p.agendaDays,
        next: r.value.next
          ? `${formatDate(r.value.next, ctx.lang)} ${p.meetingTime}`
          : ctx.t("reply.ritme.geen"),
      }),
    ),
  };
}

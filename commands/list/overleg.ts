import { formatDate, localDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { agendaLines, caseMinutes, minutesText } from "../meeting-render.ts";
import { choice, date } from "../params.ts";
import { tableReply } from "../render.ts";
import type { Post } from "../types.ts";

const STEPS = ["start", "stop", "agenda", "notulen"] as const;

export default defineCommand({
  name: "overleg",
  aliases: ["meeting"],
  summary: {
    nl: "Overleg: start (agenda in het kanaal), stop (notulen), agenda (voorvertoning), notulen [datum]",
    en: "Meeting: start (agenda to the channel), stop (minutes), agenda (preview), notulen [date]",
  },
  examples: ["overleg agenda", "overleg start", "overleg stop", "overleg notulen 23-11-2026"],
  may: (a) => (a.step === "start" || a.step === "stop" ? "tafel-inrichten" : null),
  params: {
    step: choice({ nl: "Stap", en: "Step" }, STEPS, { minutes: "notulen", end: "stop", begin: "start" }),
    date: date({ nl: "Datum", en: "Date" }, "past").opt(),
  },
  async run(ctx, a) {
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
    const { meeting, minutes } = r.value;
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

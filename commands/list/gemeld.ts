import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { caseId, date } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "gemeld",
  aliases: ["reported"],
  summary: {
    nl: "Leg vast dat de school het verzuim bij DUO heeft gemeld (verzuimmelding), op een datum of vandaag",
    en: "Record that the school reported the absence to DUO, on a date or today",
  },
  examples: ["gemeld C-3", "gemeld C-3 gisteren"],
  may: "duo-vastleggen",
  params: { id: caseId(), on: date({ nl: "Datum", en: "Date" }, "past").opt() },
  async run(ctx, a) {
    const r = await ctx.use.meetings.reported(ctx.tableId, ctx.actor.id, a.id, a.on);
    if (!r.ok) return r;
    const on = formatDate(r.value.duoReport?.on ?? ctx.today, ctx.lang);
    return { reply: tableReply(ctx.t("reply.gemeld", { id: a.id, date: on })) };
  },
});

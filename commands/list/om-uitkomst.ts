import { formatDate } from "../../src/core/dates.ts";
import { OM_RESULTS } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { choice, date, recordId } from "../params.ts";
import { tableReply } from "../render.ts";

/** `interventie I-4 sepot [datum]`: what the OM decided on a proces-verbaal, once it did (FR-31, [003 L1413]). */
export default defineCommand({
  name: "om-uitkomst",
  aliases: ["om"],
  summary: {
    nl: "Leg vast wat het OM besliste over een proces-verbaal (ook: interventie I-4 <uitkomst>)",
    en: "Record what the public prosecutor decided on a proces-verbaal (also: interventie I-4 <outcome>)",
  },
  examples: ["interventie I-4 taakstraf", "om-uitkomst I-4 sepot 20-11"],
  takesOver: { command: "interventie", first: /^I-\d+$/i },
  may: "handhaven",
  params: {
    id: recordId("I", { nl: "Interventie", en: "Intervention" }, "reason.intervention"),
    result: choice({ nl: "Uitkomst", en: "Outcome" }, OM_RESULTS),
    on: date({ nl: "Datum", en: "Date" }, "past").opt(),
  },
  async run(ctx, a) {
    const r = await ctx.use.work.omOutcome(ctx.tableId, ctx.actor.id, a.id, a.result, a.on ?? ctx.today);
    if (!r.ok) return r;
    return {
      reply: {
        ...tableReply(
          ctx.t("reply.om", {
            id: a.id,
            case: r.value.caseId,
            result: ctx.t(`om.${a.result}`),
            date: formatDate(a.on ?? ctx.today, ctx.lang),
          }),
        ),
        // The MAS log is leerplicht's to see (domain.md §7.2.4).
        visibility: "private",
      },
    };
  },
});

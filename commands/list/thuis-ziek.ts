import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { caseId, date, param } from "../params.ts";
import { privateReply } from "../render.ts";

/**
 * `thuis-ziek C-3 [sinds]`: a pupil at home through illness, apart from the legal thuiszitter (FR-32, [004
 * L269-288]): no legal task for leerplicht, JGZ and the samenwerkingsverband in view. Health data, so said only to
 * who may know it; `thuis-ziek C-3 klaar` ends it.
 */
export default defineCommand({
  name: "thuis-ziek",
  aliases: ["home-sick"],
  summary: {
    nl: "Markeer een leerling die door ziekte thuis zit (geen wettelijke taak; JGZ en swv in beeld), of beëindig het",
    en: "Mark a pupil at home through illness (no legal task; JGZ and SWV in view), or end it",
  },
  examples: ["thuis-ziek C-3 9-11", "thuis-ziek C-3 klaar"],
  may: "thuis-ziek",
  params: {
    id: caseId(),
    // `klaar` ends it; another word is left for the date.
    end: param<true>({
      label: { nl: "Klaar", en: "Ended" },
      usage: "[klaar]",
      read: (tokens) => (/^(klaar|ended)$/i.test(tokens[0]?.text ?? "") ? { value: true, used: 1 } : null),
    }).opt(),
    since: date({ nl: "Sinds", en: "Since" }, "past").opt(),
  },
  async run(ctx, a) {
    const since = a.end ? null : (a.since ?? ctx.today);
    const r = await ctx.use.work.homeSick(ctx.tableId, ctx.actor.id, a.id, since);
    if (!r.ok) return r;
    const text =
      since === null
        ? ctx.t("reply.thuis-ziek.klaar", { id: a.id })
        : ctx.t("reply.thuis-ziek", { id: a.id, since: formatDate(since, ctx.lang) });
    return {
      reply: privateReply(undefined, text),
      posts: r.value.told.map((m) => ({
        to: { kind: "member" as const, tableId: ctx.tableId, id: m.id, handle: m.handle },
        text: `${text} (${ctx.tableName})`,
      })),
    };
  },
});

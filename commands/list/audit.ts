import { formatInstant } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { caseId } from "../params.ts";

export default defineCommand({
  name: "audit",
  aliases: [],
  summary: {
    nl: "Wie deed en wie bekeek wat bij een casus, en wanneer",
    en: "Who did and who viewed what in a case, and when",
  },
  examples: ["audit C-3"],
  roles: ["chair"],
  params: { id: caseId() },
  async run(ctx, a) {
    const r = await ctx.use.records.auditTrail(ctx.tableId, ctx.actor.id, a.id);
    if (!r.ok) return r;
    const items = r.value.map((e) =>
      ctx.t("line.audit", {
        at: formatInstant(e.at, ctx.lang),
        actor: e.actor,
        event: e.event,
        subject: e.subject ? ` ${e.subject}` : "",
      }),
    );
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.audit", { id: a.id }),
        blocks: [items.length ? { type: "list", items } : { type: "text", text: ctx.t("reply.audit.none") }],
      },
    };
  },
});

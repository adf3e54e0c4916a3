import { addressees } from "../../src/core/permissions.ts";
import { activeMembers } from "../../src/core/table.ts";
import { defineCommand } from "../define.ts";
import { caseId, text } from "../params.ts";
import { tableReply } from "../render.ts";
import type { Post } from "../types.ts";

/** The word that clears the mark instead of giving a reason. */
const CLEARED = new Set(["opgelost", "vlot", "resolved"]);

export default defineCommand({
  name: "vastgelopen",
  aliases: ["stuck"],
  summary: {
    nl: "Markeer een casus als vastgelopen, met de reden: bovenaan de agenda en de voorzitter hoort het (doorbraak); opgelost haalt de markering weg",
    en: "Mark a case stuck, with the reason: top of the agenda and the chair is told (doorbraak); opgelost clears it",
  },
  examples: ['vastgelopen C-3 "Geen passend aanbod in de regio"', "vastgelopen C-3 opgelost"],
  params: { id: caseId(), reason: text({ nl: "Reden", en: "Reason" }, '"reden"', 300) },
  async run(ctx, a) {
    const clear = CLEARED.has(a.reason.trim().toLowerCase());
    const r = await ctx.use.meetings.stuck(ctx.tableId, ctx.actor.id, a.id, clear ? null : a.reason);
    if (!r.ok) return r;
    if (clear) return { reply: tableReply(ctx.t("reply.vlot", { id: a.id })) };
    const text = ctx.t("reply.vastgelopen", { id: a.id, reason: a.reason });
    const chairs: Post[] = addressees(activeMembers(r.value.doc), "tafel-bewaken")
      .filter((m) => m.id !== ctx.actor.id)
      .map((m) => ({
        to: { kind: "member", tableId: ctx.tableId, id: m.id, handle: m.handle },
        text: ctx.t("dm.vastgelopen", { id: a.id, reason: a.reason, table: ctx.tableName }),
        buttons: [{ label: ctx.t("button.open", { id: a.id }), run: `casus ${a.id}` }],
      }));
    return { reply: tableReply(text, ctx.t("draad.vastgelopen", { id: a.id })), posts: chairs };
  },
});

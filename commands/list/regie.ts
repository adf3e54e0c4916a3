import { defineCommand } from "../define.ts";
import { caseId, regieTarget } from "../params.ts";
import { tableReply } from "../render.ts";
import type { Post } from "../types.ts";

export default defineCommand({
  name: "regie",
  aliases: ["lead"],
  form: true,
  summary: {
    nl: "Wijs de regie (casusregie) toe, neem haar of laat haar los",
    en: "Assign, take or release regie (the case lead)",
  },
  examples: ["regie C-3 @fatima", "regie C-3 neem", "regie C-3 los"],
  params: { id: caseId(), target: regieTarget() },
  async run(ctx, a) {
    const holder = a.target.kind === "me" ? "me" : a.target.kind === "release" ? null : a.target.person;
    const r = await ctx.use.work.setRegie(ctx.tableId, ctx.actor.id, a.id, holder);
    if (!r.ok) return r;
    const now = r.value.case.regie?.holder;
    if (!now)
      return {
        reply: tableReply(
          ctx.t("reply.regie.released", { id: a.id }),
          ctx.t("draad.regie-vrij", { id: a.id }),
        ),
      };
    const posts: Post[] =
      now === ctx.actor.id
        ? []
        : [
            {
              to: { kind: "member", tableId: ctx.tableId, id: now, handle: r.value.holder ?? now },
              text: ctx.t("dm.regie", { id: a.id, table: ctx.tableName }),
            },
          ];
    return {
      reply: tableReply(ctx.t("reply.regie.set", { id: a.id, holder: r.value.holder ?? now })),
      posts,
    };
  },
});

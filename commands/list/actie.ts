import { formatDate } from "../../src/core/dates.ts";
import { isQuestion } from "../../src/core/result.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { caseId, date, option, owner, text } from "../params.ts";
import { tableReply } from "../render.ts";
import type { Post } from "../types.ts";

export default defineCommand({
  name: "actie",
  aliases: ["afspraak", "action"],
  form: true,
  summary: {
    nl: "Leg een afspraak vast met eigenaar en uiterste datum",
    en: "Record an agreed action with owner and due date",
  },
  examples: [
    'actie C-3 @joost vrijdag "Gesprek met ouders plannen"',
    'actie C-3 @fatima over 2 weken "Huisbezoek"',
    'actie C-3 leerplicht vrijdag "Verzuimgesprek"',
    'actie C-3 @joost vrijdag "Mentor belt elke maandag" evaluatie=18-12-2026',
  ],
  aboutCase: true,
  params: {
    id: caseId(),
    owner: owner({ nl: "Eigenaar", en: "Owner" }),
    due: date({ nl: "Datum", en: "Due date" }, "future"),
    text: text({ nl: "Afspraak", en: "Agreement" }),
    // FR-23: the day the owner and regie are asked whether it worked.
    reviewOn: option(["evaluatie", "review"], date({ nl: "Evaluatie op", en: "Review on" }, "future")),
  },
  async run(ctx, a) {
    const r = await ctx.use.work.addAction(
      ctx.tableId,
      ctx.actor.id,
      a.id,
      a.owner,
      a.due,
      a.text,
      ctx.confirmed,
      a.reviewOn,
    );
    if (isQuestion(r)) return asked(ctx, "ask.dubbele-afspraak", r);
    if (!r.ok) return r;
    const { action, owner: handle } = r.value;
    const due = formatDate(action.due, ctx.lang);
    const posts: Post[] =
      action.owner === ctx.actor.id
        ? []
        : [
            {
              to: { kind: "member", tableId: ctx.tableId, id: action.owner, handle },
              text: ctx.t("dm.actie", {
                action: action.id,
                id: a.id,
                table: ctx.tableName,
                due,
                text: action.text,
              }),
            },
          ];
    return {
      reply: tableReply(ctx.t("reply.actie", { action: action.id, id: a.id, owner: handle, due })),
      posts,
    };
  },
});

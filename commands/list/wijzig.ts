import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { actionId, date, member, option, text } from "../params.ts";
import { tableReply } from "../render.ts";
import type { Post } from "../types.ts";

/** `actie A-3 eigenaar=@… datum=… tekst="…"`: an agreement's owner, due date or text, changed where it was made. */
export default defineCommand({
  name: "wijzig",
  aliases: ["afspraak-wijzigen", "edit"],
  summary: {
    nl: "Wijzig de eigenaar, datum of tekst van een open afspraak (ook: actie A-3 eigenaar=@… datum=…)",
    en: "Change the owner, date or text of an open agreement (also: actie A-3 eigenaar=@… datum=…)",
  },
  examples: [
    "actie A-3 eigenaar=@fatima",
    'actie A-3 datum=volgende-week tekst="Huisbezoek met JGZ"',
    "wijzig A-3 datum=4-12",
  ],
  takesOver: { command: "actie", first: /^A-\d+$/i },
  params: {
    id: actionId(),
    owner: option(["eigenaar", "owner"], member({ nl: "Eigenaar", en: "Owner" }, "@eigenaar")),
    due: option(["datum", "due"], date({ nl: "Datum", en: "Due date" }, "future")),
    text: option(["tekst", "text"], text({ nl: "Afspraak", en: "Agreement" }, '"tekst"', undefined, true), {
      positional: true,
    }),
  },
  async run(ctx, a) {
    if (a.owner === null && a.due === null && a.text === null)
      return { error: { code: "niets-te-wijzigen", params: { id: a.id } } };
    const r = await ctx.use.work.editAction(ctx.tableId, ctx.actor.id, a.id, {
      owner: a.owner,
      due: a.due,
      text: a.text,
    });
    if (!r.ok) return r;
    const { action, before, owner } = r.value;
    const due = formatDate(action.due, ctx.lang);
    // The new owner hears it; so does the one who no longer owns it.
    const told = [...new Set([action.owner, before.owner])].filter((id) => id !== ctx.actor.id);
    const posts: Post[] = told.map((id) => ({
      to: { kind: "member", tableId: ctx.tableId, id, handle: ctx.names(id) },
      text: ctx.t("dm.actie.gewijzigd", {
        action: action.id,
        id: action.caseId,
        owner,
        due,
        text: action.text,
      }),
    }));
    return {
      reply: tableReply(
        ctx.t("reply.actie.gewijzigd", {
          action: action.id,
          id: action.caseId,
          owner,
          due,
          text: action.text,
        }),
      ),
      posts,
    };
  },
});

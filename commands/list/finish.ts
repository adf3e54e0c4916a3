import type { MessageKey } from "../../src/i18n/index.ts";
import { defineCommand } from "../define.ts";
import { actionId } from "../params.ts";
import { tableReply } from "../render.ts";

/** `klaar` and `vervalt` differ only in the status they set and the words they use. */
export function finishCommand(spec: {
  name: string;
  alias: string;
  status: "done" | "cancelled";
  reply: MessageKey;
  summary: { nl: string; en: string };
}) {
  return defineCommand({
    name: spec.name,
    aliases: [spec.alias],
    summary: spec.summary,
    examples: [`${spec.name} A-4`],
    params: { id: actionId() },
    async run(ctx, a) {
      const r = await ctx.use.work.finishAction(ctx.tableId, ctx.actor.id, a.id, spec.status);
      if (!r.ok) return r;
      return { reply: tableReply(ctx.t(spec.reply, { id: a.id })) };
    },
  });
}

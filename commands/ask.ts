import { formatSpan } from "../src/core/dates.ts";
import type { SignalKind } from "../src/core/model.ts";
import type { Params, Question } from "../src/core/result.ts";
import type { MessageKey } from "../src/i18n/index.ts";
import { readable } from "./readable.ts";
import { signalWhat } from "./render.ts";
import type { CommandContext } from "./types.ts";

/**
 * A use case's question in the sender's words. A signal in it (`kind`, `amount`, `from`, `to`) is said the way a
 * confirmation says it: "2 uur ongeoorloofd verzuim op ma 16 nov".
 */
export function asked(
  ctx: Pick<CommandContext, "t" | "lang" | "today">,
  key: MessageKey,
  q: Question,
  extra: Params = {},
): { ask: string; case?: string } {
  const p = q.error.params;
  const signal =
    typeof p.kind === "string" && typeof p.from === "string" && typeof p.to === "string"
      ? {
          what: signalWhat(ctx, p.kind as SignalKind, typeof p.amount === "number" ? p.amount : null),
          when: formatSpan(p.from, p.to, ctx.lang, ctx.today),
        }
      : {};
  const text = ctx.t(key, { ...readable(ctx.t, p, ctx.lang), ...signal, ...extra });
  return typeof p.case === "string" ? { ask: text, case: p.case } : { ask: text };
}

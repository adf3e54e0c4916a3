import { formatDate } from "../../src/core/dates.ts";
import { ADVICE_TOPICS, type Advice } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { choice, date, option, param, text } from "../params.ts";
import { tableReply } from "../render.ts";
import { schoolCode } from "../school-params.ts";
import type { CommandContext } from "../types.ts";

/** `AD-3`, the id of an advice. */
const adviceId = () =>
  param<string>({
    form: { kind: "id", placeholder: "AD-1" },
    label: { nl: "Advies", en: "Advice" },
    usage: "<AD-id>",
    read: (tokens) => {
      const t = tokens[0]?.text.toUpperCase();
      return t && /^AD-[1-9]\d{0,6}$/.test(t) ? { value: t, used: 1 } : null;
    },
  });

export function adviceLine(ctx: Pick<CommandContext, "t" | "lang" | "names">, a: Advice): string {
  const follow =
    a.followUp === null
      ? ""
      : a.followedUpAt
        ? ctx.t("advies.opgevolgd")
        : ctx.t("advies.volgen", { date: formatDate(a.followUp, ctx.lang) });
  return ctx.t("advies.line", {
    id: a.id,
    school: a.school,
    topic: ctx.t(`advice.topic.${a.topic}`),
    text: a.text,
    by: ctx.names(a.by),
    follow,
  });
}

export default defineCommand({
  name: "advies",
  aliases: ["advice"],
  summary: {
    nl: "Leerplicht adviseert een school over haar verzuimbeleid, met een datum om op te volgen; of de adviezen tonen",
    en: "Leerplicht advises a school on its absence policy, with a date to follow it up; or show the advice given",
  },
  examples: [
    'advies 12AB00 registratie "Ziekmeldingen na 3 dagen nabellen en vastleggen" volgen=8-1-2027',
    "advies 12AB00",
    "advies AD-1 opgevolgd",
  ],
  params: {
    target: param<{ school: string } | { advice: string }>({
      label: { nl: "School of advies", en: "School or advice" },
      usage: "<school|AD-id>",
      read: (tokens, ctx) => {
        const id = adviceId().read(tokens, ctx);
        if (id && "value" in id) return { value: { advice: id.value }, used: 1 };
        const school = schoolCode().read(tokens, ctx);
        return school && "value" in school ? { value: { school: school.value }, used: 1 } : school;
      },
    }).opt(),
    topic: choice({ nl: "Onderwerp", en: "Topic" }, [...ADVICE_TOPICS, "opgevolgd"] as const).opt(),
    text: text({ nl: "Advies", en: "Advice" }, '"advies"', 500, true).opt(),
    followUp: option(["volgen", "follow-up"], date({ nl: "Opvolgen op", en: "Follow up on" }, "future")),
  },
  // Reading is everyone's; giving and following up advice is the officer's.
  may: (a) => (a.topic !== null ? "scholen-adviseren" : null),
  async run(ctx, a) {
    const target = a.target;
    if (target && "advice" in target) {
      if (a.topic !== "opgevolgd") return { error: { code: "advies-hoe", params: {} } };
      const r = await ctx.use.schools.adviceFollowedUp(ctx.tableId, ctx.actor.id, target.advice);
      if (!r.ok) return r;
      return {
        reply: tableReply(ctx.t("reply.advies.opgevolgd", { id: r.value.id, school: r.value.school })),
      };
    }
    if (target && a.topic !== null) {
      if (a.topic === "opgevolgd" || a.text === null) return { error: { code: "advies-hoe", params: {} } };
      const r = await ctx.use.schools.advise(ctx.tableId, ctx.actor.id, {
        school: target.school,
        topic: a.topic,
        text: a.text,
        followUp: a.followUp,
      });
      if (!r.ok) return r;
      return { reply: tableReply(ctx.t("reply.advies", { line: adviceLine(ctx, r.value) })) };
    }
    const doc = await ctx.use.schools.view(ctx.tableId, ctx.actor.id);
    if (!doc.ok) return doc;
    const list = doc.value.advice.filter((x) => !target || x.school.startsWith(target.school));
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.adviezen", { n: list.length }),
        blocks: [
          list.length
            ? { type: "list", items: list.map((x) => adviceLine(ctx, x)) }
            : { type: "text", text: ctx.t("reply.adviezen.geen") },
        ],
      },
    };
  },
});

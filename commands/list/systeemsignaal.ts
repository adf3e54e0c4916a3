import { SYSTEM_SIGNAL_STATUSES, type SystemSignal } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { choice, option, param, text } from "../params.ts";
import { tableReply } from "../render.ts";
import type { CommandContext } from "../types.ts";

/** `12AB00,34CD00`: the schools a bottleneck is seen at. */
const schoolList = () =>
  param<string[]>({
    form: { kind: "text", max: 200 },
    label: { nl: "Scholen", en: "Schools" },
    usage: "<code,code>",
    read: (tokens) => {
      const t = tokens[0]?.text.toUpperCase();
      if (!t) return null;
      const codes = t.split(",").map((c) => c.trim());
      return codes.every((c) => /^[A-Z0-9]{2,12}$/.test(c))
        ? { value: codes, used: 1 }
        : { error: { code: "argument-ongeldig", params: { reason: "reason.school" } } };
    },
  });

const signalId = () =>
  param<string>({
    form: { kind: "id", placeholder: "SY-1" },
    label: { nl: "Systeemsignaal", en: "System signal" },
    usage: "<SY-id>",
    read: (tokens) => {
      const t = tokens[0]?.text.toUpperCase();
      return t && /^SY-[1-9]\d{0,6}$/.test(t) ? { value: t, used: 1 } : null;
    },
  });

export function systemSignalLine(ctx: Pick<CommandContext, "t">, s: SystemSignal): string {
  return ctx.t("systeemsignaal.line", {
    id: s.id,
    status: ctx.t(`systeemsignaal.status.${s.status}`),
    theme: s.theme ? ` (${s.theme})` : "",
    text: s.text,
    schools: s.schools.join(", ") || "–",
  });
}

export default defineCommand({
  name: "systeemsignaal",
  aliases: ["systeemsignalen", "system-signal"],
  summary: {
    nl: "Een knelpunt over scholen heen voor de beleidsagenda, met een status; of de systeemsignalen tonen",
    en: "A bottleneck across schools for the policy agenda, with a status; or show the system signals",
  },
  examples: [
    'systeemsignaal "Ziekmeldingen rond toetsweken lopen op" scholen=12AB00,34CD00 thema=ziekteverzuim',
    "systeemsignaal SY-1 status=geagendeerd",
    "systeemsignaal",
  ],
  params: {
    id: signalId().opt(),
    text: text({ nl: "Knelpunt", en: "Bottleneck" }, '"knelpunt"', 500, true).opt(),
    schools: option(["scholen", "schools"], schoolList()),
    theme: option(["thema", "theme"], text({ nl: "Thema", en: "Theme" }, "<thema>", 60)),
    status: option(["status"], choice({ nl: "Status", en: "Status" }, SYSTEM_SIGNAL_STATUSES)),
  },
  may: (a) => (a.text !== null || a.status !== null ? "systeemsignalen" : null),
  async run(ctx, a) {
    if (a.id !== null && a.status !== null) {
      const r = await ctx.use.schools.systemSignalStatus(ctx.tableId, ctx.actor.id, a.id, a.status);
      if (!r.ok) return r;
      return {
        reply: tableReply(ctx.t("reply.systeemsignaal.status", { line: systemSignalLine(ctx, r.value) })),
      };
    }
    if (a.text !== null) {
      const r = await ctx.use.schools.systemSignal(ctx.tableId, ctx.actor.id, {
        text: a.text,
        schools: a.schools ?? [],
        theme: a.theme,
      });
      if (!r.ok) return r;
      return { reply: tableReply(ctx.t("reply.systeemsignaal", { line: systemSignalLine(ctx, r.value) })) };
    }
    const doc = await ctx.use.schools.view(ctx.tableId, ctx.actor.id);
    if (!doc.ok) return doc;
    const list = doc.value.systemSignals;
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.systeemsignalen", { n: list.length }),
        blocks: [
          list.length
            ? { type: "list", items: list.map((s) => systemSignalLine(ctx, s)) }
            : { type: "text", text: ctx.t("reply.systeemsignalen.geen") },
        ],
      },
    };
  },
});

import type { School } from "../src/core/model.ts";
import { PROTOCOL_FIELDS, PROTOCOL_SOURCE } from "../src/core/protocol.ts";
import { type Policy, type PolicyOverrides, policyOf } from "../src/core/rules/policy.ts";
import { listWords } from "./triage-render.ts";
import type { CommandContext, Reply } from "./types.ts";

/** The five answers of one protocol as lines: labelled local protocol, what the table set beside Tafel's defaults. */
function protocolLines(ctx: Pick<CommandContext, "t">, p: Policy, own: PolicyOverrides): string[] {
  const standard = (key: keyof Policy) => (key in own ? "" : ctx.t("protocol.standaard"));
  return [
    ctx.t("protocol.voorwaarden", {
      list: listWords(
        ctx,
        p.preconditions.map((a) => `action.${a}` as const),
      ),
    }),
    ctx.t("protocol.school", {
      list: listWords(
        ctx,
        p.schoolDuties.map((d) => `duty.${d}` as const),
      ),
    }),
    `${ctx.t("protocol.prioriteit", {
      list: listWords(
        ctx,
        p.priority.map((r) => `priority.${r}` as const),
      ),
    })}${standard("priority")}`,
    ctx.t("protocol.opschalen", {
      list: p.escalation.length
        ? p.escalation.map((e) => ctx.t(`escalation.${e}`, { n: p.escalateAfter })).join(", ")
        : ctx.t("protocol.geen"),
    }),
    `${ctx.t("protocol.rol", { role: ctx.t(`officerrole.${p.officerRole}`) })}${standard("officerRole")}`,
    ctx.t("protocol.termijn", { n: p.investigationDays, origin: standard("investigationDays") }),
    ctx.t("protocol.hergebruik", { reuse: ctx.t(`reuse.${p.preventiveReuse}`) }),
  ];
}

/** `beleid protocol`: the table's local protocol, and each school's own where it has one (FR-02). */
export function protocolReply(
  ctx: Pick<CommandContext, "t" | "tableName">,
  overrides: PolicyOverrides,
  schools: readonly School[],
): Reply {
  const table = policyOf(overrides);
  const own = schools.filter((s) => PROTOCOL_FIELDS.some((k) => k in s.policy));
  return {
    visibility: "private",
    title: ctx.t("reply.protocol", { name: ctx.tableName }),
    blocks: [
      { type: "text", text: ctx.t("protocol.label", { source: PROTOCOL_SOURCE }) },
      { type: "list", items: protocolLines(ctx, table, overrides) },
      ...own.map((s) => ({
        type: "list" as const,
        title: `${ctx.t("protocol.scholen")}: ${s.code} ${s.name}`,
        items: protocolLines(ctx, policyOf({ ...overrides, ...s.policy }), { ...overrides, ...s.policy }),
      })),
    ],
  };
}

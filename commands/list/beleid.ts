import { dateOf, dayNumber } from "../../src/core/calendar/days.ts";
import { formatDate } from "../../src/core/dates.ts";
import { overridesOf, sourceOf } from "../../src/core/region.ts";
import {
  NATIONAL_DEFAULT,
  POLICY_KEYS,
  type PolicyKey,
  type PolicyOverrides,
  readPolicyValue,
  WEEKDAY_NUMBERS,
} from "../../src/core/rules/policy.ts";
import { defineCommand } from "../define.ts";
import { choice, option, param } from "../params.ts";
import { protocolReply } from "../protocol-render.ts";
import { num, tableReply } from "../render.ts";
import { schoolCode } from "../school-params.ts";
import type { Param } from "../types.ts";

const KEYS = Object.keys(POLICY_KEYS) as PolicyKey[];
/** Counts that switch a protocol trigger on; 0 means off. */
const SWITCHES = new Set<PolicyKey>([
  "te-laat.aantal",
  "ziek.aantal",
  "ziekuren.uren",
  "nieuwkomer.weken",
  "weekoverzicht.dag",
]);
const WEEKDAY_NAMES = new Map([...WEEKDAY_NUMBERS].map(([name, n]) => [n, name]));

/** A school's own settings as `beleid` keys: `te-laat.aantal=5 nieuwkomer.weken=6`. */
const fieldsOf = (own: PolicyOverrides) =>
  KEYS.filter((k) => POLICY_KEYS[k] in own)
    .map((k) => `${k}=${String(own[POLICY_KEYS[k]])}`)
    .join(" ");

const policyValue = (key: PolicyKey) =>
  param<PolicyOverrides>({
    label: { nl: key, en: key },
    usage: "<waarde>",
    read: (tokens) => {
      const raw = tokens[0]?.text;
      if (raw === undefined) return null;
      const value = readPolicyValue(key, raw.toLowerCase());
      return value
        ? { value, used: 1 }
        : { error: { code: "argument-ongeldig", params: { reason: "reason.policy" } } };
    },
  });

const params = {
  ...(Object.fromEntries(KEYS.map((k) => [k, option([k], policyValue(k))])) as Record<
    PolicyKey,
    Param<PolicyOverrides, true>
  >),
  // A school's own local protocol triggers, where a table serves several (FR-04).
  school: option(["school"], schoolCode()),
  // `beleid protocol`: the local protocol's five answers on their own (FR-02, issue #29).
  // `beleid regio …`: the region's own value, for all its tables where the table sets none (issue #30).
  view: choice({ nl: "Onderdeel", en: "Part" }, ["protocol", "regio"] as const).opt(),
};

export default defineCommand({
  name: "beleid",
  aliases: ["policy"],
  summary: {
    nl: "Toon het beleid van de tafel, of wijzig het (voorzitter): marge, lokale protocolregels, laag, lesuren",
    en: "Show the table's policy, or change it (chair): margin, local protocol rules, tier, lesson hours",
  },
  examples: [
    "beleid",
    "beleid te-laat.aantal=5 te-laat.weken=4",
    "beleid meldgrens.marge=10",
    "beleid nieuwkomer.weken=6",
    "beleid school=56EF00 nieuwkomer.weken=6",
    "beleid regio intake=consult",
  ],
  params,
  may: (a) =>
    KEYS.some((k) => a[k] !== null) ? (a.view === "regio" ? "regio-beheren" : "tafel-inrichten") : null,
  async run(ctx, a) {
    const changes = KEYS.filter((k) => a[k] !== null);
    if (changes.length > 0) {
      const change = Object.assign({}, ...changes.map((k) => a[k])) as PolicyOverrides;
      const label = changes.map((k) => `${k}=${String(Object.values(a[k] ?? {})[0])}`).join(" ");
      if (a.view === "regio") {
        const r = await ctx.use.regions.setPolicy(ctx.tableId, ctx.actor.id, change, label);
        if (!r.ok) return r;
        return { reply: tableReply(ctx.t("regio.gewijzigd", { name: r.value.name, change: label })) };
      }
      const r = a.school
        ? await ctx.use.rules.setSchoolPolicy(ctx.tableId, ctx.actor.id, a.school, change, label)
        : await ctx.use.rules.setPolicy(ctx.tableId, ctx.actor.id, change, label);
      if (!r.ok) return r;
      return {
        reply: {
          visibility: "table",
          blocks: [
            {
              type: "text",
              text: a.school
                ? ctx.t("reply.beleid.school", { school: a.school, change: label })
                : ctx.t("reply.beleid.changed", { change: label }),
            },
          ],
        },
      };
    }
    const r = await ctx.use.rules.policy(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    // The region's protocol answers count as set, not as Tafel's defaults.
    if (a.view === "protocol")
      return { reply: protocolReply(ctx, overridesOf(r.value.region, r.value.overrides), r.value.schools) };
    const { policy, overrides, calendar, schools, region } = r.value;
    const items = KEYS.map((k) => {
      const field = POLICY_KEYS[k];
      const value = policy[field];
      const shown =
        SWITCHES.has(k) && value === 0
          ? ctx.t("reply.beleid.off")
          : Array.isArray(value)
            ? value.join(",") || "geen"
            : field === "digestDay"
              ? (WEEKDAY_NAMES.get(value as number) ?? String(value))
              : typeof value === "number"
                ? num(value, ctx.lang)
                : value;
      // Where the value comes from: the table, its region (fixed or not), or Tafel's default.
      const source = sourceOf(region, overrides, field);
      const origin =
        source === "tafel" && overrides[field] === NATIONAL_DEFAULT[field]
          ? ctx.t("reply.beleid.default")
          : source === "tafel"
            ? ctx.t("reply.beleid.own")
            : source === "standaard"
              ? ctx.t("reply.beleid.default")
              : ctx.t(`beleid.bron.${source}`);
      return `${k} = ${shown} (${origin})`;
    });
    const days = [
      ...calendar.holidays.map(
        (h) => `${h.name}: ${formatDate(h.from, ctx.lang)} – ${formatDate(h.to, ctx.lang)}`,
      ),
      ...calendar.freeDays.map((d) => formatDate(dateOf(dayNumber(d)), ctx.lang)),
    ];
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.beleid", { name: ctx.tableName }),
        blocks: [
          { type: "list", items },
          ...(schools.length
            ? [
                {
                  type: "list" as const,
                  title: ctx.t("reply.beleid.scholen"),
                  items: schools.map((s) => `${s.code}: ${fieldsOf(s.policy)}`),
                },
              ]
            : []),
          {
            type: "list",
            title: ctx.t("reply.beleid.calendar", { region: ctx.t(`region.${region.holidays}`) }),
            items: days.length ? days : [ctx.t("reply.beleid.calendar.none")],
          },
        ],
      },
    };
  },
});

import { onAuthorisedAbsence, RULE_IDS, RULES, type RuleId } from "../src/core/rules/catalogue.ts";
import { legalWord } from "./rules-render.ts";
import type { CommandContext, Reply } from "./types.ts";

/** The words `help` takes for a rule: its id, and the word a table uses for it (`help laag`). */
const RULE_WORDS: ReadonlyMap<string, RuleId | "all"> = new Map<string, RuleId | "all">([
  ["regels", "all"],
  ["rules", "all"],
  ["meldgrens", "wet.meldplicht-16u"],
  ["threshold", "wet.meldplicht-16u"],
  ["thuiszitter", "wet.thuiszitter"],
  ["absoluut", "wet.absoluut-verzuim"],
  ["wettelijke-taak", "wet.wettelijke-taak"],
  ["leeftijd", "wet.leeftijd"],
  ["geoorloofd", "wetsvoorstel.geoorloofd-verzuim"],
  ["te-laat", "protocol.te-laat"],
  ["ziekmeldingen", "protocol.ziekmeldingen"],
  ["ziekuren", "protocol.ziekuren"],
  ["intake", "protocol.intake"],
  ["sluiten", "protocol.sluiten"],
  ["laag", "mdmtss.laag"],
  ["tier", "mdmtss.laag"],
  ...RULE_IDS.map((id) => [id, id] as const),
]);

export const ruleOf = (word: string): RuleId | "all" | undefined => RULE_WORDS.get(word);

const title = (ctx: Pick<CommandContext, "t" | "lang">, id: RuleId) =>
  `${ctx.t(`ruletitle.${id}`)} (${legalWord(ctx, id)})`;

const keys = (ctx: Pick<CommandContext, "t">, id: RuleId) =>
  RULES[id].keys.length ? RULES[id].keys.join(", ") : ctx.t("help.regel.keys.none");

/** `help regels`: every rule with its kind; `help laag`: one rule, with its source and policy keys. */
export function rulesHelp(ctx: Pick<CommandContext, "t" | "lang">, which: RuleId | "all"): Reply {
  if (which === "all")
    return {
      visibility: "private",
      title: ctx.t("help.regels.title"),
      blocks: [
        { type: "text", text: ctx.t("help.regels.intro") },
        {
          type: "list",
          items: RULE_IDS.map(
            (id) => `${title(ctx, id)} — ${RULES[id].summary[ctx.lang]} [${keys(ctx, id)}]`,
          ),
        },
      ],
    };
  return {
    visibility: "private",
    title: title(ctx, which),
    blocks: [
      { type: "text", text: RULES[which].summary[ctx.lang] },
      ...(onAuthorisedAbsence(which)
        ? [{ type: "text" as const, text: ctx.t("rule.caveat.geoorloofd") }]
        : []),
      {
        type: "fields",
        fields: [
          [ctx.t("help.regel.status"), legalWord(ctx, which)],
          [ctx.t("help.regel.source"), RULES[which].source],
          [ctx.t("help.regel.keys"), keys(ctx, which)],
        ],
      },
    ],
  };
}

import { whoMay } from "../../src/core/permissions.ts";
import { defineCommand, usageOf } from "../define.ts";
import { knowledgeBlocks, knowledgeReply, topicOf } from "../knowledge-help.ts";
import { caseId, param } from "../params.ts";
import { routeReply } from "../region-render.ts";
import { privateReply } from "../render.ts";
import { ruleOf, rulesHelp } from "../rules-help.ts";
import type { Command } from "../types.ts";

const commandName = () =>
  param<string>({
    label: { nl: "Commando", en: "Command" },
    usage: "<commando>",
    read: (tokens) => (tokens[0] ? { value: tokens[0].text.toLowerCase(), used: 1 } : null),
  });

export const findCommand = (commands: readonly Command[], name: string) =>
  commands.find((c) => c.name === name || c.aliases.includes(name));

/**
 * How `help` groups the commands, in the order a table meets them; "begin hier" holds what a new member
 * needs first. Every command is in exactly one group (a test checks it).
 */
export const HELP_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["begin", ["signaal", "casus", "mijn", "ja", "nee"]],
  [
    "signalen",
    [
      "zoek",
      "casussen",
      "signaal-intrekken",
      "consult",
      "nieuwkomer",
      "leerling",
      "herzien",
      "regie",
      "sluit",
      "heropen",
      "volgen",
      "vastgelopen",
      "doorbraak",
      "thuis-ziek",
    ],
  ],
  [
    "afspraken",
    ["actie", "wijzig", "klaar", "vervalt", "uitstel", "evaluatie", "besluit", "besluit-intrekken"],
  ],
  ["triage", ["onderzoek", "triage", "spreekuur", "spreekuur-boeken"]],
  ["overleg", ["overleg", "mdo"]],
  ["leerplicht", ["gemeld", "vrijstelling", "interventie", "om-uitkomst", "rapport"]],
  ["school", ["school", "cijfers", "dashboard", "advies", "systeemsignaal", "preventief"]],
  [
    "beheer",
    [
      "setup",
      "lid",
      "lid-af",
      "leden",
      "beleid",
      "regio",
      "vakantie",
      "vrije-dag",
      "bewaren",
      "export",
      "audit",
      "help",
    ],
  ],
];

export default defineCommand({
  name: "help",
  aliases: ["hulp", "?"],
  summary: { nl: "Alle commando's, of uitleg bij één commando", en: "All commands, or how to use one" },
  examples: [
    "help",
    "help signaal",
    "help regels",
    "help laag",
    "help rollen",
    "help mas",
    "help leerplichtambtenaar",
    "help routering C-1",
  ],
  open: true,
  params: { command: commandName().opt(), id: caseId().opt() },
  async run(ctx, a) {
    // Where a case goes in the region, and why (FR-03, issue #30).
    if (a.command === "routering") {
      if (a.id === null) return { reply: privateReply(undefined, ctx.t("help.routering")) };
      if (!ctx.tableId) return { error: { code: "geen-tafel", params: {} } };
      const r = await ctx.use.regionCases.route(ctx.tableId, ctx.actor.id, a.id);
      return r.ok ? { reply: routeReply(ctx, a.id, r.value) } : r;
    }
    const one = a.command ? findCommand(ctx.commands, a.command) : undefined;
    const rule = a.command && !one ? ruleOf(a.command) : undefined;
    if (rule) return { reply: rulesHelp(ctx, rule) };
    // Roles, the MAS, the school's duties, a function (FR-14); `help school` gives the command and the duties.
    const topic = a.command ? topicOf(a.command.toLowerCase()) : undefined;
    if (topic && !one) return { reply: knowledgeReply(ctx, topic) };
    if (a.command && !one)
      return { error: { code: "onbekend-commando", params: { name: a.command.slice(0, 30) } } };
    if (!one) {
      return {
        reply: {
          visibility: "private",
          title: ctx.t("help.title"),
          blocks: [
            ...HELP_GROUPS.map(([group, names]) => ({
              type: "list" as const,
              title: ctx.t(`help.group.${group}` as never),
              items: names.flatMap((n) => {
                const c = findCommand(ctx.commands, n);
                return c ? [`${c.name} — ${c.summary[ctx.lang]}`] : [];
              }),
            })),
            { type: "text", text: ctx.t("help.more") },
          ],
        },
      };
    }
    const fields: [string, string][] = [[ctx.t("help.usage"), usageOf(one)]];
    if (one.aliases.length) fields.push([ctx.t("help.aliases"), one.aliases.join(", ")]);
    if (typeof one.may === "string")
      fields.push([
        ctx.t("help.roles"),
        whoMay(one.may)
          .map((r) => ctx.t(`role.${r}`))
          .join(", "),
      ]);
    return {
      reply: {
        visibility: "private",
        title: `${one.name} — ${one.summary[ctx.lang]}`,
        blocks: [
          { type: "fields", fields },
          { type: "list", title: ctx.t("help.examples"), items: one.examples },
          ...(topic ? knowledgeBlocks(ctx, topic) : []),
          ...(Object.values(one.params).some((p) => p.form?.kind === "date" || p.form?.kind === "period")
            ? [{ type: "text" as const, text: ctx.t("help.dates") }]
            : []),
        ],
      },
    };
  },
});

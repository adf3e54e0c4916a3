import { LANGUAGES, REGIONS } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { choice, option, text } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "setup",
  aliases: ["opzetten"],
  summary: {
    nl: "Zet een tafel op in dit gesprek; jij wordt voorzitter",
    en: "Set up a table in this conversation; you become its chair",
  },
  examples: ["setup Triage Druten regio=midden", "setup Doorbraaktafel Noord regio=noord taal=en"],
  open: true,
  params: {
    name: text({ nl: "Naam", en: "Name" }, "<naam>", 60),
    region: option(
      ["regio", "region"],
      choice({ nl: "Regio", en: "Region" }, REGIONS, { north: "noord", middle: "midden", south: "zuid" }),
    ),
    language: option(["taal", "lang", "language"], choice({ nl: "Taal", en: "Language" }, LANGUAGES)),
  },
  async run(ctx, a) {
    const r = await ctx.use.tables.setup({
      conversation: ctx.conversation,
      name: a.name,
      region: a.region ?? "midden",
      language: a.language ?? ctx.lang,
      chair: ctx.actor,
    });
    if (!r.ok) return r;
    const t = ctx.withLanguage(r.value.table.language);
    return {
      reply: tableReply(t("reply.setup", { name: a.name, region: t(`region.${r.value.table.region}`) })),
    };
  },
});

import { AGE_BANDS } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, municipalities, option } from "../params.ts";
import { routedPosts } from "../region-render.ts";
import { caseCard, pupilFacts } from "../render.ts";

export default defineCommand({
  name: "leerling",
  aliases: ["pupil"],
  summary: {
    nl: "Leg de woongemeente en leeftijdsgroep van de leerling vast: bevoegde leerplicht, soort leerplicht, Halt",
    en: "Record the pupil's municipality of residence and age band: competent officer, kind of duty, Halt",
  },
  examples: ["leerling C-3 gemeente=Druten leeftijd=12-15", 'leerling C-3 gemeente="West Maas en Waal"'],
  params: {
    id: caseId(),
    municipality: option(
      ["gemeente", "municipality"],
      municipalities({ nl: "Woongemeente", en: "Municipality" }),
    ),
    ageBand: option(["leeftijd", "age"], choice({ nl: "Leeftijd", en: "Age" }, AGE_BANDS)),
  },
  async run(ctx, a) {
    // One municipality: a pupil lives in one place.
    if ((a.municipality?.length ?? 0) > 1)
      return { error: { code: "argument-ongeldig", params: { reason: "reason.municipality.one" } } };
    const r = await ctx.use.rules.setPupilFacts(ctx.tableId, ctx.actor.id, a.id, {
      municipality: a.municipality?.[0] ?? null,
      ageBand: a.ageBand,
    });
    if (!r.ok) return r;
    const facts = pupilFacts(ctx, r.value.doc, r.value.case);
    const lead = facts
      ? ctx.t("reply.leerling", { id: a.id, facts })
      : ctx.t("reply.leerling.none", { id: a.id });
    const told = await ctx.use.regionCases.tell(ctx.tableId, a.id);
    return {
      reply: caseCard(ctx, r.value.case, r.value.doc, r.value.evaluation, lead),
      posts: routedPosts(ctx, a.id, told),
    };
  },
});

import { ROLES } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { choice, member, text } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "lid",
  aliases: ["member"],
  summary: {
    nl: "Voeg een partner toe aan de tafel of wijzig de rol",
    en: "Add a partner to the table or change their role",
  },
  examples: ["lid @fatima leerplicht Gemeente Druten", "lid @joost school", "lid @anna voorzitter"],
  roles: ["chair"],
  params: {
    person: member({ nl: "Persoon", en: "Person" }),
    role: choice(
      { nl: "Rol", en: "Role" },
      ROLES,
      { voorzitter: "chair", overig: "other", lpa: "leerplicht" },
      "<rol>",
    ),
    organisation: text({ nl: "Organisatie", en: "Organisation" }, "[organisatie]", 60).opt(),
  },
  async run(ctx, a) {
    const r = await ctx.use.tables.addMember(ctx.tableId, ctx.actor.id, a.person, a.role, a.organisation);
    if (!r.ok) return r;
    const m = r.value.member;
    const org = m.organisation ? ` (${m.organisation})` : "";
    return {
      reply: tableReply(
        ctx.t(r.value.updated ? "reply.lid.updated" : "reply.lid.added", {
          handle: m.handle,
          role: ctx.t(`role.${m.role}`),
          org,
        }),
      ),
    };
  },
});

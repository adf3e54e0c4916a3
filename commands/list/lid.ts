import { ROLES } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { choice, member, municipalities, option, text } from "../params.ts";
import { roleWords, tableReply } from "../render.ts";

/** The words people use for a function, and the sector words of before functions (`school`, `leerplicht`). */
const ROLE_WORDS = {
  chair: "voorzitter",
  school: "zorgcoordinator",
  zorgcoördinator: "zorgcoordinator",
  ondersteuningscoordinator: "zorgcoordinator",
  ondersteuningscoördinator: "zorgcoordinator",
  verzuimcoördinator: "verzuimcoordinator",
  leerkracht: "mentor",
  directeur: "schoolleiding",
  directie: "schoolleiding",
  schoolleider: "schoolleiding",
  leerplicht: "leerplichtambtenaar",
  lpa: "leerplichtambtenaar",
  leerrechtconsulent: "leerplichtambtenaar",
  "adviseur-leerplicht": "leerplichtambtenaar",
  rmc: "rmc-consulent",
  doorstroompunt: "rmc-consulent",
  doorstroomcoach: "rmc-consulent",
  jeugdarts: "jgz",
  jeugdverpleegkundige: "jgz",
  smw: "schoolmaatschappelijk-werk",
  jeugdteam: "wijkteam",
  "sociaal-team": "wijkteam",
  swv: "samenwerkingsverband",
  veiligthuis: "veilig-thuis",
  other: "overig",
} as const;

export default defineCommand({
  name: "lid",
  aliases: ["member"],
  summary: {
    nl: "Voeg een partner toe aan de tafel of wijzig de functie",
    en: "Add a partner to the table or change their function",
  },
  examples: [
    "lid @fatima leerplichtambtenaar boa=ja Gemeente Druten",
    "lid @piet leerplichtambtenaar gemeente=Druten,Wijchen",
    "lid @joost zorgcoordinator",
    "lid @anna voorzitter",
  ],
  may: "tafel-inrichten",
  params: {
    person: member({ nl: "Persoon", en: "Person" }),
    role: choice({ nl: "Functie", en: "Function" }, ROLES, ROLE_WORDS, "<functie>"),
    boa: option(
      ["boa"],
      choice({ nl: "BOA-status", en: "BOA status" }, ["ja", "nee"], { yes: "ja", no: "nee" }),
    ),
    municipalities: option(
      ["gemeente", "gemeenten", "municipality"],
      municipalities({ nl: "Gemeente", en: "Municipality" }),
    ),
    organisation: text({ nl: "Organisatie", en: "Organisation" }, "[organisatie]", 60).opt(),
  },
  async run(ctx, a) {
    const boa = a.boa === null ? null : a.boa === "ja";
    const r = await ctx.use.tables.addMember(
      ctx.tableId,
      ctx.actor.id,
      a.person,
      a.role,
      a.organisation,
      boa,
      a.municipalities,
    );
    if (!r.ok) return r;
    const m = r.value.member;
    const org = [m.organisation, m.municipalities.join(", ")].filter(Boolean).join("; ");
    return {
      reply: tableReply(
        ctx.t(r.value.updated ? "reply.lid.updated" : "reply.lid.added", {
          handle: m.handle,
          role: roleWords(ctx, m),
          org: org ? ` (${org})` : "",
        }),
      ),
    };
  },
});

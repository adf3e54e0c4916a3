import { PRESENCE } from "../../src/core/model.ts";
import { FUNCTIONS } from "../../src/core/permissions.ts";
import { CAUSES } from "../../src/core/protocol-lists.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, note, option } from "../params.ts";
import { tableReply } from "../render.ts";
import { choices } from "../triage-params.ts";
import { mdoLine } from "../triage-render.ts";

/**
 * `mdo C-3 ouders=aanwezig kind=toestemming partners=… oorzaken=… "plan"`: an MDO on record (FR-41). The joint plan
 * is the agreements made with it (`actie C-3 …` after it); the card, the minutes and the timeline show it.
 */
export default defineCommand({
  name: "mdo",
  form: true,
  summary: {
    nl: "Leg een MDO vast: wie deelnamen (ook ouders en kind: aanwezig, toestemming of niet), de oorzaken en het plan",
    en: "Record an MDO: who took part (parents and child too: present, consented or not), the causes and the plan",
  },
  examples: [
    'mdo C-3 ouders=aanwezig kind=toestemming partners=zorgcoordinator,leerplichtambtenaar,jgz oorzaken=thuissituatie "Samen een plan voor de ochtenden"',
    "mdo C-3 ouders=niet kind=niet partners=zorgcoordinator,wijkteam",
  ],
  params: {
    id: caseId(),
    parents: option(["ouders", "parents"], choice({ nl: "Ouders", en: "Parents" }, PRESENCE)),
    child: option(["kind", "child"], choice({ nl: "Kind", en: "Child" }, PRESENCE)),
    partners: option(["partners", "deelnemers"], choices({ nl: "Partners", en: "Partners" }, FUNCTIONS)),
    causes: option(["oorzaken", "causes"], choices({ nl: "Oorzaken", en: "Causes" }, CAUSES)),
    note: note({ nl: "Plan", en: "Plan" }),
  },
  async run(ctx, a) {
    // Whether parents and child took part is the record's point: asked for, never assumed.
    if (a.parents === null || a.child === null) return { error: { code: "mdo-ouders-kind", params: {} } };
    const r = await ctx.use.work.mdo(ctx.tableId, ctx.actor.id, a.id, {
      parents: a.parents,
      child: a.child,
      partners: a.partners ?? [],
      causes: a.causes ?? [],
      note: a.note,
    });
    if (!r.ok) return r;
    // The causes can be health data: the thread hears who took part, the card shows the rest to who may see it.
    return {
      reply: {
        ...tableReply(ctx.t("reply.mdo", { id: a.id, line: mdoLine(ctx, r.value, [], false) })),
        caseId: a.id,
        buttons: [{ label: ctx.t("button.actie"), form: "actie", prefill: { id: a.id } }],
      },
    };
  },
});

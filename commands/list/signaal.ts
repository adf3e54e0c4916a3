import { AGE_BANDS, LEGAL_BASES, SIGNAL_KINDS, type SignalKind } from "../../src/core/model.ts";
import { ABSENCE_PATTERNS, SCHOOL_ACTIONS } from "../../src/core/protocol-lists.ts";
import { isQuestion } from "../../src/core/result.ts";
import { SCHOOL_TYPES } from "../../src/core/rules/policy.ts";
import { isMessageKey } from "../../src/i18n/index.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { noticePosts } from "../notices.ts";
import { amount, choice, municipalities, note, option, period, pupil } from "../params.ts";
import { routedPosts } from "../region-render.ts";
import { amountText, caseCard, understood } from "../render.ts";
import { schoolCode } from "../school-params.ts";
import { choices } from "../triage-params.ts";
import { listWords } from "../triage-render.ts";
import type { CommandContext } from "../types.ts";

/** `gesprek-leerling,gesprek-ouders` as the reader's words. */
const actionWords = (ctx: Pick<CommandContext, "t">, codes: string) =>
  listWords(
    ctx,
    codes
      .split(",")
      .map((c) => `action.${c}`)
      .filter(isMessageKey),
  );

/** Health is special-category data (GDPR art. 9): the channel hears that there is a signal, not what it is. */
const HEALTH: ReadonlySet<SignalKind> = new Set(["ziek", "zorg"]);

export default defineCommand({
  name: "signaal",
  aliases: ["signal"],
  form: true,
  summary: {
    nl: "Meld een geanonimiseerd signaal over een leerling; opent of vult de casus",
    en: "Raise an anonymised signal about a pupil; opens or extends the case",
  },
  examples: [
    'signaal 123456 ongeoorloofd 3,5 gisteren "Ochtend niet op school"',
    "signaal L-4F7K2Q te-laat 2 2-11..6-11 school=12AB",
    "signaal 123456 ziek 4 grondslag=toestemming-ouders",
  ],
  aboutCase: true,
  params: {
    pupil: pupil(),
    kind: choice({ nl: "Soort", en: "Kind" }, SIGNAL_KINDS, {
      unauthorised: "ongeoorloofd",
      late: "te-laat",
      telaat: "te-laat",
      sick: "ziek",
      luxury: "luxe",
      absolute: "absoluut",
      "not-enrolled": "absoluut",
      care: "zorg",
    }),
    amount: amount({ nl: "Uren of aantal", en: "Hours or count" }, "[uren|aantal]").opt(),
    period: period({ nl: "Datum", en: "Date" }).opt(),
    school: option(["school"], schoolCode()),
    basis: option(["grondslag", "basis"], choice({ nl: "Grondslag", en: "Legal basis" }, LEGAL_BASES)),
    schoolType: option(["type", "schooltype"], choice({ nl: "Schooltype", en: "School type" }, SCHOOL_TYPES)),
    // The pupil's facts, as `leerling C-n` records them: on the first signal, so the case starts complete.
    municipality: option(
      ["gemeente", "municipality"],
      municipalities({ nl: "Woongemeente", en: "Municipality" }),
    ),
    ageBand: option(["leeftijd", "age"], choice({ nl: "Leeftijd", en: "Age" }, AGE_BANDS)),
    // FR-20: what the school already did and how the absence shows; required where the protocol names preconditions.
    done: option(
      ["gedaan", "acties", "done"],
      choices({ nl: "Wat de school al deed", en: "What the school did" }, SCHOOL_ACTIONS),
    ),
    pattern: option(["patroon", "pattern"], choice({ nl: "Patroon", en: "Pattern" }, ABSENCE_PATTERNS)),
    note: note(),
  },
  async run(ctx, a) {
    if ((a.municipality?.length ?? 0) > 1)
      return { error: { code: "argument-ongeldig", params: { reason: "reason.municipality.one" } } };
    const period = a.period ?? { from: ctx.today, to: ctx.today };
    const r = await ctx.use.cases.raiseSignal(
      ctx.tableId,
      ctx.actor.id,
      a.pupil,
      {
        kind: a.kind,
        ...period,
        amount: a.amount,
        school: a.school,
        note: a.note,
        legalBasis: a.basis,
        schoolActions: a.done,
        pattern: a.pattern,
      },
      { schoolType: a.schoolType, municipality: a.municipality?.[0] ?? null, ageBand: a.ageBand },
      ctx.confirmed,
    );
    if (isQuestion(r))
      return r.error.params.about === "vroeg"
        ? asked(ctx, "ask.signaal.vroeg", r, {
            required: actionWords(ctx, String(r.error.params.required)),
            missing: actionWords(ctx, String(r.error.params.missing)),
          })
        : asked(ctx, "ask.dubbel-signaal", r);
    if (!r.ok) return r;
    const { case: c, signal, created, reopened } = r.value;
    const key = created ? "reply.signal.created" : reopened ? "reply.signal.reopened" : "reply.signal.added";
    const n = signal.hours ?? signal.count;
    const regie = r.value.schoolRegie ? ` ${ctx.t("reply.signal.schoolRegie", { id: c.id })}` : "";
    const early = signal.early.length
      ? ` ${ctx.t("reply.signal.vroeg", { list: actionWords(ctx, signal.early.join(",")) })}`
      : "";
    const lead = `${understood(ctx, signal, c.id, r.value.evaluation)} ${ctx.t(key, { id: c.id, signal: signal.id })}${regie}${early}`;
    // Its competent officer elsewhere in the region hears of it (issue #30); an early flag kept within the
    // school (FR-42) goes nowhere.
    const told = r.value.internal ? [] : await ctx.use.regionCases.tell(ctx.tableId, c.id);
    return {
      reply: caseCard(ctx, c, r.value.doc, r.value.evaluation, lead),
      posts: [
        // A school's early flag that stays within the school (FR-42) is not told in the table's channel.
        ...(r.value.internal
          ? []
          : [
              {
                to: { kind: "table" as const, tableId: ctx.tableId },
                caseId: c.id,
                text: HEALTH.has(signal.kind)
                  ? ctx.t("post.signal.health", { id: c.id, by: ctx.names(signal.raisedBy) })
                  : ctx.t("post.signal", {
                      id: c.id,
                      kind: ctx.t(`kind.${signal.kind}`),
                      amount: n === null ? "" : ` ${amountText(ctx, signal.kind, n)}`,
                      by: ctx.names(signal.raisedBy),
                    }),
              },
            ]),
        ...noticePosts(ctx, r.value.doc, r.value.notices),
        ...routedPosts(ctx, c.id, told),
      ],
    };
  },
});

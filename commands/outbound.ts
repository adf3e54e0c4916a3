import { formatDate } from "../src/core/dates.ts";
import type { TableDoc } from "../src/core/model.ts";
import { REVIEW_RESULTS } from "../src/core/model.ts";
import { addressees } from "../src/core/permissions.ts";
import { titleWords } from "../src/core/region.ts";
import type { ActionRef, DigestCase, Outbound } from "../src/core/reminders.ts";
import { activeMembers, nameOf } from "../src/core/table.ts";
import { translator } from "../src/i18n/index.ts";
import type { Store } from "../src/ports.ts";
import { MAX_ATTEMPTS } from "../src/scheduler/scheduler.ts";
import { agendaLines } from "./meeting-render.ts";
import { noticePosts } from "./notices.ts";
import { num } from "./render.ts";
import type { Button, CommandContext, Post } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;

function section(title: string, items: string[]): string[] {
  return items.length ? [`${title}:`, ...items.map((i) => `  - ${i}`)] : [];
}

const actionItem = (w: Words, doc: TableDoc, a: ActionRef, withOwner = false) =>
  w.t(withOwner ? "dag.action.owner" : "dag.action", {
    id: a.id,
    case: a.caseId,
    owner: nameOf(doc, a.owner),
    text: a.text,
    due: formatDate(a.due, w.lang),
  });

/** "1 schooldag", "3 schooldagen". */
const schoolDays = (w: Words, n: number) => w.t(n === 1 ? "unit.schooldag" : "unit.schooldagen", { n });

/** A scheduler message as the posts each adapter delivers: a person's day as a direct message, the rest to the table. */
export function outboundPosts(w: Words, doc: TableDoc, m: Outbound): Post[] {
  const tableId = doc.table.id;
  const table = doc.table.name;
  if (m.kind === "dag") {
    const lines = [
      w.t("dag.hello", { to: nameOf(doc, m.to), date: formatDate(m.date, w.lang), table }),
      ...section(
        w.t("dag.dueToday"),
        m.dueToday.map((a) => actionItem(w, doc, a)),
      ),
      ...section(
        w.t("dag.dueSoon"),
        m.dueSoon.map((a) => actionItem(w, doc, a)),
      ),
      ...section(
        w.t("dag.overdue"),
        m.overdue.map((a) => actionItem(w, doc, a)),
      ),
      ...section(
        w.t("dag.leadOverdue"),
        m.leadOverdue.map((a) => actionItem(w, doc, a, true)),
      ),
      ...section(
        w.t("dag.noRegie"),
        m.noRegie.map((c) => w.t("dag.noRegie.item", { id: c.caseId, days: schoolDays(w, c.days) })),
      ),
      ...section(
        w.t("dag.unreported"),
        (m.unreported ?? []).map((c) =>
          w.t(c.late ? "dag.unreported.late" : "dag.unreported.item", {
            id: c.caseId,
            days: schoolDays(w, c.days),
          }),
        ),
      ),
      ...section(
        w.t("dag.advice"),
        (m.advice ?? []).map((a) =>
          w.t(a.overdue ? "dag.advice.late" : "dag.advice.item", {
            id: a.id,
            school: a.school,
            topic: w.t(`advice.topic.${a.topic}`),
            date: formatDate(a.followUp, w.lang),
          }),
        ),
      ),
      ...section(
        w.t("dag.review"),
        (m.reviews ?? []).map((a) => w.t("dag.review.item", { id: a.id, case: a.caseId, text: a.text })),
      ),
      ...section(
        w.t("dag.staleRegie"),
        (m.staleRegie ?? []).map((c) =>
          w.t("dag.staleRegie.item", {
            id: c.caseId,
            holder: nameOf(doc, c.holder),
            days: schoolDays(w, c.days),
          }),
        ),
      ),
      ...section(
        w.t("dag.onderzoek"),
        (m.investigations ?? []).map((i) =>
          w.t(i.overdue ? "dag.onderzoek.late" : "dag.onderzoek.item", {
            id: i.id,
            case: i.caseId,
            date: formatDate(i.due, w.lang),
          }),
        ),
      ),
    ];
    if (m.dueToday.length + m.dueSoon.length + m.overdue.length > 0) lines.push(w.t("dag.hint"));
    // The work of the day where it is read: a button per agreement due or overdue, per report owed, per vacant regie.
    // Klaar, or Uitstellen: the postpone form, whose date field is a date picker on both platforms.
    const buttons: Button[] = [
      // The review question first: three answers, one tap each (FR-23).
      ...(m.reviews ?? []).flatMap((a): Button[] =>
        REVIEW_RESULTS.map((r) => ({
          label: w.t(`button.review.${r}`, { id: a.id }),
          run: `evaluatie ${a.id} ${r}`,
        })),
      ),
      ...[...m.overdue, ...m.dueToday].flatMap((a): Button[] => [
        { label: w.t("button.klaar", { id: a.id }), run: `klaar ${a.id}` },
        { label: w.t("button.uitstel", { id: a.id }), form: "uitstel", prefill: { id: a.id } },
      ]),
      ...(m.unreported ?? []).map((c) => ({
        label: w.t("button.gemeld", { id: c.caseId }),
        run: `gemeld ${c.caseId}`,
      })),
      ...m.noRegie.map((c) => ({
        label: w.t("button.regie.case", { id: c.caseId }),
        run: `regie ${c.caseId} neem`,
      })),
      ...(m.advice ?? []).map((a) => ({
        label: w.t("button.advies.opgevolgd", { id: a.id }),
        run: `advies ${a.id} opgevolgd`,
      })),
      ...(m.staleRegie ?? []).map((c) => ({
        label: w.t("button.open", { id: c.caseId }),
        run: `casus ${c.caseId}`,
      })),
      ...(m.investigations ?? []).map((i) => ({
        label: w.t("button.onderzoek.case", { id: i.caseId }),
        form: "onderzoek",
        prefill: { id: i.caseId },
      })),
    ].slice(0, 6);
    return [
      {
        to: { kind: "member", tableId, id: m.to, handle: nameOf(doc, m.to) },
        text: lines.join("\n"),
        ...(buttons.length ? { buttons } : {}),
      },
    ];
  }
  if (m.kind === "overleg") {
    // The agenda to the table (every member reads it), and the chair is reminded with a button to open it.
    const when = { date: formatDate(m.on, w.lang), time: m.time };
    const open: Button = { label: w.t("button.agenda"), run: "overleg agenda" };
    return [
      {
        to: { kind: "table", tableId },
        text: [
          w.t("overleg.gepland", { ...when, table }),
          ...agendaLines(w, m.items).map((l) => `  - ${l}`),
        ].join("\n"),
        buttons: [open],
      },
      ...addressees(activeMembers(doc), "tafel-inrichten").map((chair) => ({
        to: { kind: "member" as const, tableId, id: chair.id, handle: chair.handle },
        text: w.t("dm.overleg", { ...when, table, n: m.items.length }),
        buttons: [open],
      })),
    ];
  }
  if (m.kind === "week") {
    const body = m.cases
      ? digestBody(w, doc, m.cases, m.overdue)
      : [
          ...section(
            w.t("week.newSignals"),
            m.newSignals.map((s) => w.t("week.newSignals.item", { id: s.caseId, n: s.n })),
          ),
          ...section(w.t("week.crossings"), m.crossings),
          ...section(
            w.t("week.tierChanges"),
            m.tierChanges.map((c) =>
              w.t("week.tierChanges.item", { id: c.caseId, from: c.from ?? "–", to: c.to }),
            ),
          ),
          ...section(
            w.t("week.overdue"),
            m.overdue.map((a) => actionItem(w, doc, a, true)),
          ),
          ...section(w.t("week.noRegie"), m.noRegie),
        ];
    const c = m.consultation;
    if (c && (c.slots > 0 || c.waiting > 0))
      body.push(
        w.t("week.spreekuur", { slots: c.slots, free: c.free, waiting: c.waiting, days: c.longestDays }),
      );
    const title = w.t("week.title", { table, date: formatDate(m.date, w.lang) });
    // The cases that ask for attention open from the digest (their card comes privately to who clicks).
    const open = (m.cases ?? []).slice(0, 5).map((c) => ({
      label: w.t("button.open", { id: c.caseId }),
      run: `casus ${c.caseId}`,
    }));
    return [
      {
        to: { kind: "table", tableId },
        text: [title, ...(body.length ? body : [w.t("week.none")])].join("\n"),
        ...(open.length ? { buttons: open } : {}),
      },
    ];
  }
  if (m.kind === "regels") return noticePosts(w, doc, m.notices);
  if (m.kind === "kalender")
    return addressees(activeMembers(doc), "tafel-bewaken").map((c) => ({
      to: { kind: "member", tableId, id: c.id, handle: c.handle },
      text: w.t("kalender.eindigt", { table, end: formatDate(m.end, w.lang) }),
    }));
  // Composed by an adapter, sent by that adapter's notifier before it asks for posts.
  if (m.kind === "platform") return [];
  if (m.kind === "regio") return regionPosts(w, doc, m);
  const recipient = m.recipient === "tafel" ? table : `@${nameOf(doc, m.recipient)}`;
  return [
    { to: { kind: "table", tableId }, text: w.t("mislukt", { recipient, key: m.original, n: MAX_ATTEMPTS }) },
  ];
}

/**
 * A case elsewhere in the region for this member (issue #30): its table and id only, and the line that joins it.
 * Without a named member (the doorbraaktafel), to the table.
 */
function regionPosts(w: Words, doc: TableDoc, m: Extract<Outbound, { kind: "regio" }>): Post[] {
  const run = `regio meedoen ${m.fromTable} ${m.caseId}`;
  // The region's contact at the case's own table has nothing to join: the case is there already.
  const here = m.fromTable === doc.table.id;
  const text = w.t(here ? "regio.bericht.contact.hier" : `regio.bericht.${m.reason}`, {
    id: m.caseId,
    table: m.fromName,
    office: m.office ?? "–",
    line: run,
  });
  const buttons = here ? [] : [{ label: w.t("button.meedoen", { id: m.caseId }), run }];
  const member = m.to === null ? undefined : activeMembers(doc).find((x) => x.id === m.to);
  const shown = buttons.length ? { buttons } : {};
  return [
    member
      ? {
          to: { kind: "member", tableId: doc.table.id, id: member.id, handle: member.handle },
          text,
          ...shown,
        }
      : { to: { kind: "table", tableId: doc.table.id }, text, ...shown },
  ];
}

/** The digest as read: one line per case that asks for attention, then the agreements past their date. */
function digestBody(w: Words, doc: TableDoc, cases: readonly DigestCase[], overdue: readonly ActionRef[]) {
  const name = (id: string) => `@${nameOf(doc, id)}`;
  const line = (c: DigestCase) => {
    const parts = [
      ...(c.newSignals > 0
        ? [w.t(c.newSignals === 1 ? "week.case.signal" : "week.case.signals", { n: c.newSignals })]
        : []),
      ...(c.hours > 0 ? [w.t("week.case.hours", { n: num(c.hours, w.lang) })] : []),
      ...(c.status === "meldplichtig" || c.status === "nadert" ? [w.t(`week.case.${c.status}`)] : []),
      ...(c.tier ? [w.t("week.case.tier", { from: c.tier.from ?? 1, to: c.tier.to })] : []),
      ...(c.overdue > 0
        ? [w.t(c.overdue === 1 ? "week.case.overdue" : "week.case.overdues", { n: c.overdue })]
        : []),
      w.t("week.case.regie", { who: c.regie ? name(c.regie) : w.t("week.case.nobody") }),
      ...(c.atTurn.length > 0 ? [w.t("week.case.turn", { who: c.atTurn.map(name).join(", ") })] : []),
    ];
    return `${c.caseId}: ${parts.join(", ")}`;
  };
  return [
    ...section(w.t("week.cases"), cases.map(line)),
    ...section(
      w.t("week.overdue"),
      overdue.map((a) => actionItem(w, doc, a, true)),
    ),
  ];
}

export async function outboundAsPosts(store: Store, tableId: string, m: Outbound): Promise<Post[]> {
  const doc = await store.read(tableId);
  const lang = doc.table.language;
  const region = await store.regions.of(tableId);
  return outboundPosts(
    { t: translator(lang, region ? { officer: titleWords(region.officerTitle) } : {}), lang },
    doc,
    m,
  );
}

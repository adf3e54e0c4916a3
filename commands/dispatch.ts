import type { UseCases } from "../src/app/index.ts";
import { caseOfRecord } from "../src/core/case-records.ts";
import { localDate } from "../src/core/dates.ts";
import type { Language, TableDoc } from "../src/core/model.ts";
import type { RegionDoc } from "../src/core/model-region.ts";
import { may, refusal } from "../src/core/permissions.ts";
import { titleWords } from "../src/core/region.ts";
import type { DomainError } from "../src/core/result.ts";
import { memberById, nameOf } from "../src/core/table.ts";
import { isMessageKey, type Translate, translator } from "../src/i18n/index.ts";
import { errorCode } from "../src/infra/error-code.ts";
import { commandSeconds, commandsTotal } from "../src/infra/metrics.ts";
import type { Clock, Logger, Store } from "../src/ports.ts";
import { usageOf } from "./define.ts";
import { safeEcho } from "./echo.ts";
import { findCommand } from "./list/help.ts";
import { parseArgs } from "./parse.ts";
import { readable } from "./readable.ts";
import { COMMANDS } from "./registry.ts";
import { tokenize } from "./tokenize.ts";
import type { Command, CommandContext, Invocation, Outcome, Reply, Token } from "./types.ts";

export interface DispatchDeps {
  use: UseCases;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Language before a table has chosen one. */
  defaultLanguage: Language;
}

/** Renders a coded error in the reader's language, translating nested message keys (reasons, PII kinds). */
export function errorText(t: Translate, error: DomainError, lang: Language = "nl"): string {
  const params = readable(t, error.params, lang);
  if (error.code === "pii") params.pii = t(`pii.${error.params.pii}` as never);
  if (error.code === "rol-niet-toegestaan")
    params.roles = String(error.params.roles)
      .split("|")
      .map((r) => (isMessageKey(`role.${r}`) ? t(`role.${r}` as never) : r))
      .join(", ");
  const key = `err.${error.code}`;
  return isMessageKey(key) ? t(key, params) : t("err.intern", { ref: error.code });
}

/** A whole command line: a few free-text fields of `MAX_TEXT` and the rest. */
export const MAX_LINE = 4000;

const errorReply = (t: Translate, error: DomainError, lang?: Language): Reply => ({
  visibility: "private",
  blocks: [{ type: "text", text: errorText(t, error, lang) }],
  error,
});

/**
 * The one way into Tafel for every adapter: parse, check, run, and catch once. A refusal is always private and
 * leaves the store untouched; an unexpected fault is logged by code and correlation id, never with the text.
 */
export async function dispatch(deps: DispatchDeps, inv: Invocation): Promise<Outcome> {
  const started = performance.now();
  // Counted by the command the line names (an unknown word is "onbekend"): a bounded set of labels, never input.
  const named = { command: "onbekend" };
  const out = await dispatchLine(deps, inv, named);
  const { command } = named;
  const code = out.reply.error?.code;
  const outcome =
    code === undefined ? (out.confirm ? "gevraagd" : "ok") : FAULTS.has(code) ? "fout" : "geweigerd";
  commandsTotal.inc({ command, outcome });
  commandSeconds.observe({ command }, (performance.now() - started) / 1000);
  return out;
}

/** Codes of a fault, not of a refusal: the operator's alert, not the sender's mistake. */
const FAULTS: ReadonlySet<string> = new Set(["intern", "opslag-onbereikbaar", "opslag-mislukt"]);

/** `named.command` is set to the command the line names, once it is read, for the figures. */
async function dispatchLine(
  deps: DispatchDeps,
  inv: Invocation,
  named: { command: string },
): Promise<Outcome> {
  const now = deps.clock.now();
  const today = localDate(now);
  // Refused before anything reads it: no command needs more, and every parser's cost stays bounded.
  if (inv.text.length > MAX_LINE)
    return {
      reply: errorReply(translator(deps.defaultLanguage), {
        code: "regel-te-lang",
        params: { max: MAX_LINE },
      }),
      posts: [],
      echo: "«…»",
    };
  const { tokens, confirmed } = lineTokens(inv.text);
  const name = (tokens[0]?.text ?? "help").toLowerCase();
  const { typedCommand, command } = commandOf(tokens);
  if (typedCommand) named.command = typedCommand.name;
  const echo = safeEcho(
    inv.text,
    today,
    Object.values(typedCommand?.params ?? {}).some((p) => p.schoolName === true),
  );
  let table: Awaited<ReturnType<Store["tableFor"]>>;
  try {
    table = await deps.store.tableFor(inv.conversation);
  } catch (e) {
    const t = translator(deps.defaultLanguage);
    return { reply: errorReply(t, fault(deps, e, name, inv.correlationId)), posts: [], echo };
  }
  // A command about one case (`casus C-3`) lets the store read just that case of a table it does not hold.
  const caseId = caseOfLine(tokens, command);
  const atTable = () => dispatchAt(deps, inv, { name, tokens, command, confirmed, echo, table, today });
  return table && caseId && deps.store.about ? deps.store.about(table.id, caseId, atTable) : atTable();
}

/**
 * Dispatches `inv` and runs `then` on its outcome (the answer, the posts) as one piece of work about the case the
 * line names: what an adapter then reads of the table to answer and post is that case's view too (issue #32).
 */
export async function dispatchThen<T>(
  deps: DispatchDeps,
  inv: Invocation,
  then: (outcome: Outcome) => Promise<T>,
): Promise<T> {
  const work = async () => then(await dispatch(deps, inv));
  if (!deps.store.about || inv.text.length > MAX_LINE) return work();
  const { tokens } = lineTokens(inv.text);
  const caseId = caseOfLine(tokens, commandOf(tokens).command);
  // A store that cannot be reached is the dispatcher's to report.
  const table = caseId ? await deps.store.tableFor(inv.conversation).catch(() => null) : null;
  return table && caseId ? deps.store.about(table.id, caseId, work) : work();
}

/** A line's words; `bevestigd=ja` at the end is the sender's yes to a question Tafel asked (a button, `ja`). */
function lineTokens(text: string) {
  const typed = tokenize(text.trim());
  const confirmed = typed.length > 1 && isYes(typed.at(-1) as Token);
  return { tokens: confirmed ? typed.slice(0, -1) : typed, confirmed };
}

/** The command typed, and the one that runs: another may take lines over by their first argument. */
function commandOf(tokens: readonly Token[]) {
  const typedCommand = findCommand(COMMANDS, (tokens[0]?.text ?? "help").toLowerCase());
  const first = tokens[1]?.text ?? "";
  const command =
    COMMANDS.find(
      (c) =>
        c.takesOver !== undefined &&
        c.takesOver.command === typedCommand?.name &&
        c.takesOver.first.test(first),
    ) ?? typedCommand;
  return { typedCommand, command };
}

/** The case a line is about: the `C-n` (as typed in any case) that a command about one case names first. */
function caseOfLine(tokens: readonly Token[], command: Command | undefined): string | null {
  const first = tokens[1];
  if (!command?.aboutCase || !first || first.quoted) return null;
  return /^C-[1-9]\d{0,8}$/i.test(first.text) ? first.text.toUpperCase() : null;
}

/** The line, read and run at the conversation's table (or at none, for the commands open before one). */
async function dispatchAt(
  deps: DispatchDeps,
  inv: Invocation,
  line: {
    name: string;
    tokens: Token[];
    command: Command | undefined;
    confirmed: boolean;
    echo: string;
    table: Awaited<ReturnType<Store["tableFor"]>>;
    today: string;
  },
): Promise<Outcome> {
  const { name, tokens, command, confirmed, echo, table, today } = line;
  let doc: Awaited<ReturnType<Store["read"]>> | null;
  let region: RegionDoc | null;
  try {
    doc = table ? await deps.store.read(table.id) : null;
    region = table ? await deps.store.regions.of(table.id) : null;
  } catch (e) {
    const t = translator(deps.defaultLanguage);
    return { reply: errorReply(t, fault(deps, e, name, inv.correlationId)), posts: [], echo };
  }
  const lang = doc?.table.language ?? deps.defaultLanguage;
  // The region's title for its officer is the word everywhere at its tables (issue #30).
  const t = translator(lang, region ? { officer: titleWords(region.officerTitle) } : {});
  const refuse = (error: DomainError): Outcome => ({ reply: errorReply(t, error, lang), posts: [], echo });

  if (!command)
    return refuse({
      code: "onbekend-commando",
      params: { name: /^[\p{L}-]{1,30}$/u.test(name) ? name : "…" },
    });
  const me = doc ? memberById(doc, inv.actor.id) : undefined;
  if (!command.open) {
    if (!table || !doc) return refuse({ code: "geen-tafel", params: {} });
    if (!me) return refuse({ code: "geen-lid", params: {} });
    if (typeof command.may === "string" && !may(me, command.may))
      return refuse(refusal(me, command.may).error);
  }
  const parsed = parseArgs(command, tokens.slice(1), {
    today,
    mentions: inv.mentions,
    ...(doc && table ? { known: deps.use.cases.known(doc, deps.store.pupilKeys?.(table.id)) } : {}),
  });
  if (!parsed.ok) {
    const param = parsed.param?.label[lang] ?? "";
    const field = parsed.field ? { field: parsed.field } : {};
    return refuse({
      ...parsed.error,
      params: { ...parsed.error.params, param, usage: usageOf(command), ...field },
    });
  }
  const needed = typeof command.may === "function" ? command.may(parsed.args as never) : null;
  if (needed && me && !may(me, needed)) return refuse(refusal(me, needed).error);
  try {
    const result = await run(deps, command, parsed.args, inv, {
      lang,
      t,
      today,
      tableId: table?.id ?? "",
      tableName: table?.name ?? "",
      region,
      names: (id: string) => (doc ? nameOf(doc, id) : id),
      confirmed,
    });
    deps.logger.info("command", {
      command: command.name,
      table: table?.id ?? null,
      correlationId: inv.correlationId,
      result: "error" in result ? result.error.code : "ask" in result ? "bevestigen" : "ok",
    });
    if ("error" in result) return refuse(result.error);
    if ("ask" in result) {
      const yes = yesLine(inv.text.trim(), tokens, command, result.case);
      return { reply: question(t, result.ask, yes), posts: [], echo, confirm: yes };
    }
    return { reply: threaded(result.reply, doc, tokens[1]), posts: result.posts ?? [], echo };
  } catch (e) {
    return refuse(fault(deps, e, command.name, inv.correlationId));
  }
}

/**
 * A table reply about one case goes to that case's thread: the case the line names first (`regie C-3 …`), or the
 * case of the agreement, decision, signal or intervention it names (`klaar A-4`), as the table was before the line.
 */
function threaded(reply: Reply, doc: TableDoc | null, first: Token | undefined): Reply {
  if (reply.visibility !== "table" || reply.caseId || !doc || !first || first.quoted) return reply;
  const caseId = caseOfRecord(doc, first.text.toUpperCase());
  return caseId ? { ...reply, caseId } : reply;
}

const YES = /^(?:bevestigd|confirmed)=(?:ja|yes)$/i;
const isYes = (token: Token) => !token.quoted && YES.test(token.text);

/**
 * The line that says yes: the same line with `bevestigd=ja`. A pupil number in it is replaced by the case the
 * question is about, so a button on Slack or Teams never carries the number.
 */
function yesLine(line: string, tokens: readonly Token[], command: Command, caseId: string | undefined) {
  const pupil = tokens[1];
  if (caseId && pupil && Object.values(command.params)[0]?.form?.kind === "pupil") {
    const at = line.indexOf(pupil.text, (tokens[0] as Token).text.length);
    if (at >= 0) line = line.slice(0, at) + caseId + line.slice(at + pupil.text.length);
  }
  return `${line} bevestigd=ja`;
}

/** What would happen, and Ja / Nee: nothing is done until the sender says yes. */
const question = (t: Translate, text: string, yes: string): Reply => ({
  visibility: "private",
  blocks: [{ type: "text", text: `${text} ${t("ask.doorgaan")}` }],
  buttons: [
    { label: t("ask.ja"), run: yes },
    { label: t("ask.nee"), run: "nee" },
  ],
});

/** Codes of a store that cannot be reached: a network error, or PostgreSQL's connection and shutdown classes. */
const UNREACHABLE =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|ENOTFOUND|EAI_AGAIN|08...|57P0[1-3])$/;

/** What an unexpected fault tells the sender; the log gets its code and the correlation id, never the text. */
function fault(deps: DispatchDeps, e: unknown, command: string, correlationId: string): DomainError {
  const terminated = e instanceof Error && /Connection terminated|connection timeout/i.test(e.message);
  const code = terminated && typeof (e as { code?: unknown }).code !== "string" ? "ECONNRESET" : errorCode(e);
  const unreachable = terminated || UNREACHABLE.test(code);
  deps.logger.error(unreachable ? "store-unreachable" : "command-failed", { command, correlationId, code });
  if (unreachable) return { code: "opslag-onbereikbaar", params: {} };
  const writeFault = /^E[A-Z]+$/.test(code);
  return { code: writeFault ? "opslag-mislukt" : "intern", params: { ref: correlationId } };
}

function run(
  deps: DispatchDeps,
  command: Command,
  args: Record<string, unknown>,
  inv: Invocation,
  c: Pick<
    CommandContext,
    "lang" | "t" | "today" | "tableId" | "tableName" | "region" | "names" | "confirmed"
  >,
) {
  return command.run(
    {
      use: deps.use,
      actor: inv.actor,
      conversation: inv.conversation,
      ...c,
      withLanguage: translator,
      commands: COMMANDS,
      file: inv.file ?? null,
    },
    args as never,
  );
}

import type { UseCases } from "../src/app/index.ts";
import type { Language } from "../src/core/model.ts";
import type { RegionDoc } from "../src/core/model-region.ts";
import type { Permission } from "../src/core/permissions.ts";
import type { Known } from "../src/core/privacy.ts";
import type { DomainError } from "../src/core/result.ts";
import type { Translate } from "../src/i18n/index.ts";

/** A person as the platform knows them. `id` is stable (Slack user id, Teams AAD id, console name). */
export interface Person {
  id: string;
  handle: string;
}

/** One command as typed or clicked on any platform, already translated by the adapter. */
export interface Invocation {
  text: string;
  actor: Person;
  conversation: string;
  /** People mentioned in the text, by handle, when the platform resolves mentions (Slack `<@U…>`). */
  mentions?: ReadonlyMap<string, Person>;
  correlationId: string;
  /** A file sent with the line (a CSV dropped in the chat, `@bestand` in the console): its name and text. */
  file?: InFile;
}

export interface InFile {
  name: string;
  text: string;
}

export type Block =
  | { type: "text"; text: string }
  | { type: "fields"; fields: ReadonlyArray<readonly [string, string]> }
  | { type: "list"; title?: string; items: readonly string[] }
  /** Machine-readable output; `file` names it where a platform delivers long output as a file. */
  /** `save`: a file the reader keeps (the report's CSV): the console writes it to its folder instead of printing it. */
  | { type: "code"; text: string; file?: string; save?: true }
  /**
   * A file too large to hold whole (the export: 76 MB at 10,000 cases), made as it is delivered: `write` hands
   * its text to `sink` piece by piece, in order, and resolves when all of it was taken.
   */
  | {
      type: "stream";
      file: string;
      write: (sink: (piece: string) => Promise<void>) => Promise<void>;
      /** A file the reader keeps (the dashboard's page): the console writes it to its folder instead of printing it. */
      save?: true;
      /** The line that makes this file alone, when a link fetches it later (`dashboard pagina`); else the line typed. */
      line?: string;
    }
  /**
   * A picture (PNG, base64; its SVG and a small PNG for inline cards where there are) with its text
   * alternative; platforms attach it.
   */
  | { type: "image"; png: string; svg?: string; preview?: string; alt: string; file: string };

/** A button under a reply: it runs a command line, or opens the form of a command with some fields filled. */
export type Button =
  | { label: string; run: string }
  | { label: string; form: string; prefill: Record<string, string> };

/** A platform-neutral answer; each adapter renders it (console text, Block Kit, Adaptive Card). */
export interface Reply {
  visibility: "private" | "table";
  title?: string;
  blocks: Block[];
  buttons?: Button[];
  error?: DomainError;
  /** A table reply about one case goes to that case's thread (dispatch finds the case the line names). */
  caseId?: string;
  /** What the whole table must see of it (meldplichtig, regie vacant, vastgelopen): a short line in the channel. */
  headline?: string;
}

/** Something said to someone other than the one who asked: a direct message, or a post in the table. */
export interface Post {
  /** A member by id; the handle is what a console or a log line shows. */
  to: { kind: "table"; tableId: string } | { kind: "member"; tableId: string; id: string; handle: string };
  text: string;
  /** What to do about it, where the message is read: a reminder's Klaar, a notice's Open casus. */
  buttons?: Button[];
  /** A table post about one case goes to that case's thread; its first post starts the thread. */
  caseId?: string;
  /** As for a reply: the short line the whole channel sees beside the post in the thread. */
  headline?: string;
  /**
   * A copy, for the case's thread, of what the channel already got (a case's part of the minutes): where there
   * are no threads (the console, a Teams group chat) it is left out.
   */
  threadCopy?: true;
}

export interface Outcome {
  reply: Reply;
  posts: Post[];
  /** The input as it may be shown back: pupil numbers and refused text masked. */
  echo: string;
  /** A question waits for the sender's yes: the line that carries it out (a console answers `ja` with it). */
  confirm?: string;
}

export interface CommandContext {
  use: UseCases;
  actor: Person;
  conversation: string;
  /** The table of this conversation; empty only for the open commands (setup, help) before a table exists. */
  tableId: string;
  tableName: string;
  /** The region the table belongs to, as read with the command; null for a table that is a region of its own. */
  region: RegionDoc | null;
  lang: Language;
  t: Translate;
  /** For the one command that changes the table's language as it runs (setup). */
  withLanguage(lang: Language): Translate;
  today: string;
  /** All commands, for help. */
  commands: readonly Command[];
  /** How a member id in a record is shown: the member's handle. */
  names(id: string): string;
  /** The sender already said yes (`bevestigd=ja`): a destructive step or a likely duplicate goes ahead. */
  confirmed: boolean;
  /** The file sent with the line, if any. */
  file: InFile | null;
}

export type Localised = { nl: string; en: string };

export interface Token {
  text: string;
  quoted: boolean;
}

export type Read<T> = { value: T; used: number } | { error: DomainError } | null;

export interface ParseContext {
  today: string;
  mentions: ReadonlyMap<string, Person> | undefined;
  /** This table's pupil numbers and member names, which the PII guard refuses in every free-text field and option value. */
  known?: Known;
}

/** How a form (Slack modal, Teams dialog) asks for an argument; the answer is read back as a typed token. */
export type FormField =
  | { kind: "text"; multiline?: boolean; max?: number }
  | { kind: "number" }
  | { kind: "date" }
  | { kind: "period" }
  | { kind: "choice"; options: readonly string[] }
  /** Several of a fixed set, sent back as one comma-separated token (`gesprek-leerling,gesprek-ouders`). */
  | { kind: "choices"; options: readonly string[] }
  | { kind: "member" }
  | { kind: "id"; placeholder: string }
  | { kind: "pupil" };

/** One argument of a command: how it reads from tokens and how help and forms describe it. */
export interface Param<T, Optional extends boolean = boolean> {
  label: Localised;
  usage: string;
  optional: Optional;
  form?: FormField;
  /** For `key=value` options: the key (and aliases). */
  keys?: readonly string[];
  /** An option that may also stand in its place without its key (a quoted note, or `notitie=…`). */
  positional?: boolean;
  /** A comma-separated list: each item is checked for personal data on its own. */
  list?: boolean;
  /** A school's name: a person's name may stand in it beside the school word (privacy.ts, SCHOOL_NAME). */
  schoolName?: true;
  read(tokens: readonly Token[], ctx: ParseContext): Read<T>;
}

export type ArgsOf<P> = {
  [K in keyof P]: P[K] extends Param<infer T, infer O> ? (O extends true ? T | null : T) : never;
};

export interface Command<P extends Record<string, Param<unknown>> = Record<string, Param<unknown>>> {
  name: string;
  aliases: readonly string[];
  summary: Localised;
  examples: readonly string[];
  params: P;
  /**
   * Lines of another command this one answers, told apart by their first argument (`actie A-3 …` changes an
   * agreement, `actie C-3 …` makes one): the grammar grows without a second name to learn.
   */
  takesOver?: { command: string; first: RegExp };
  /**
   * Reads and changes only the case its first argument names when that is a `C-n` (its signals, agreements,
   * decisions and trail) and the table's small parts (members, policy, counters): a store that does not hold the
   * table may then read just those (issue #32). A command that looks further (other cases, the whole trail) must not
   * say so.
   */
  aboutCase?: true;
  /** Commands usable before a table exists or by non-members (setup, help). */
  open?: boolean;
  /** Typed without arguments (by name or alias), the command opens its form (Slack modal, Teams dialog). */
  form?: boolean;
  /**
   * Answers with files that take a while to make at a large table (the export, the audit trail, the report): a
   * platform that must acknowledge within seconds (a Slack slash command) acknowledges first and delivers after.
   */
  files?: true;
  /** Takes a file sent along (`cijfers`: a CSV): its form gets a file field, and the edge checks type and size. */
  takesFile?: { label: Localised; ext: string; maxBytes: number };
  /**
   * What the member must be allowed (`src/core/permissions.ts`): one permission, refused before the line is
   * parsed, or per form of the command (`overleg start` but not `overleg agenda`), refused once it is parsed.
   */
  may?: Permission | ((args: ArgsOf<P>) => Permission | null);
  run(ctx: CommandContext, args: ArgsOf<P>): Promise<Result>;
}

/**
 * `ask`: nothing was done; the sender is asked this first (what will happen, or what it duplicates). `case` names
 * the case the question is about, so the line that says yes need not carry a pupil number.
 */
export type Result =
  | { reply: Reply; posts?: Post[] }
  | { error: DomainError }
  | { ask: string; case?: string };

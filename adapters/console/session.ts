import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { TZDate } from "@date-fns/tz";
import { type DispatchDeps, dispatch } from "../../commands/dispatch.ts";
import type { InFile } from "../../commands/types.ts";
import { ZONE } from "../../src/core/dates.ts";
import type { SettableClock } from "../../src/infra/clock.ts";
import type { Scheduler } from "../../src/scheduler/scheduler.ts";
import { inlineStreams, saveFiles } from "./files.ts";
import { renderOutcome } from "./render.ts";

export const CONSOLE_CONVERSATION = "console";
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u;

/** `2026-11-23`, `2026-11-23T09:30`, or a full ISO instant; without an offset it is Amsterdam time. */
export function parseClock(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const [y, mo, d, h = "9", mi = "0", s = "0"] = m.slice(1).map((x) => x ?? undefined) as string[];
    const date = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ZONE);
    return Number.isNaN(date.getTime()) || date.getDate() !== Number(d) ? null : new Date(date.getTime());
  }
  const instant = Date.parse(text);
  return /[zZ]|[+-]\d{2}:\d{2}$/.test(text) && !Number.isNaN(instant) ? new Date(instant) : null;
}

/**
 * One console session: the lines a person types or a script holds. `@as <naam>` switches who is typing,
 * `@gesprek <naam>` the conversation (another table), `@clock <tijd>` sets the clock, `@bestand <pad>` sends a file with the next line (a CSV of absence figures), `#`
 * starts a comment; everything else is a command as typed after `/tafel`.
 * After a question (`sluit`, `lid-af`, a likely duplicate) the next line `ja` or `nee` answers it.
 */
export function createSession(
  /** `scheduler` null: on a shared database the bot instances send what is due, never a console. */
  deps: DispatchDeps & { background: { idle(): Promise<void> }; scheduler: Scheduler | null },
  clock: SettableClock,
  firstActor: string,
  echo: boolean,
  out: (line: string) => void,
  /** Where the files a reply hands out (the report's chart and CSV) are written. */
  outDir = "rapporten",
  /** `--ja`: every question is answered yes, for scripts written before Tafel asked. */
  autoYes = false,
  /** Where `@bestand` finds a relative path: beside the script, or where the console was started. */
  fileBase = ".",
) {
  let actor = firstActor;
  /** `@gesprek <naam>`: another conversation, so one script can hold several tables (a region's, issue #30). */
  let conversation = CONSOLE_CONVERSATION;
  let seq = 0;
  /** `@bestand <pad>`: the file goes with the next command line, as a file dropped in the chat with a message. */
  let file: InFile | null = null;
  /** The line that carries out the question just asked; the next line answers it, or drops it. */
  let pending: string | null = null;
  const send = async (text: string, shown: string | null): Promise<string[]> => {
    const sent = file;
    file = null;
    const outcome = await dispatch(deps, {
      text,
      actor: { id: actor, handle: actor },
      conversation,
      correlationId: `console-${++seq}`,
      ...(sent ? { file: sent } : {}),
    });
    pending = outcome.confirm ?? null;
    const reply = await saveFiles(await inlineStreams(outcome.reply), outDir);
    const lines = [
      ...(echo ? [`${actor}> ${shown ?? outcome.echo}`] : []),
      ...renderOutcome({ ...outcome, reply }, actor),
    ];
    if (!pending || !autoYes) return lines;
    const yes = pending;
    return [...lines, "  [console] --ja: bevestigd", ...(await send(yes, "ja"))];
  };
  return {
    get actor() {
      return actor;
    },
    /** Prints the lines a typed line yields, then whatever background work it started prints (in order). */
    async run(raw: string): Promise<void> {
      for (const l of await this.line(raw)) out(l);
      await deps.background.idle();
    },
    async line(raw: string): Promise<string[]> {
      const line = raw.trim();
      if (line === "") return [];
      if (line.startsWith("#")) return echo ? [line] : [];
      const waiting = pending;
      pending = null;
      if (waiting) {
        const answer = line.toLowerCase();
        if (/^(?:ja|j|yes|y)$/.test(answer)) return send(waiting, answer);
        if (/^(?:nee|n|no)$/.test(answer)) return send("nee", answer);
        return ["  [console] Niet bevestigd: niets gedaan.", ...(await this.line(line))];
      }
      const directive = /^@(as|clock|bestand|gesprek)\b\s*(.*)$/.exec(line);
      if (directive) {
        const value = (directive[2] as string).trim();
        if (directive[1] === "bestand") {
          const text = await readFile(resolve(fileBase, value), "utf8").catch(() => null);
          if (text === null) return [`  [console] Kan bestand '${value}' niet lezen.`];
          file = { name: basename(value), text };
          return echo ? [`@bestand ${basename(value)}`] : [];
        }
        if (directive[1] === "gesprek") {
          if (!NAME.test(value)) return ["  [console] Gebruik: @gesprek <naam> (letters, cijfers, . _ -)"];
          conversation = value.toLowerCase() === "console" ? CONSOLE_CONVERSATION : value.toLowerCase();
          return echo ? [`@gesprek ${conversation}`] : [];
        }
        if (directive[1] === "as") {
          if (!NAME.test(value)) return ["  [console] Gebruik: @as <naam> (letters, cijfers, . _ -)"];
          actor = value.toLowerCase();
          return echo ? [`@as ${actor}`] : [];
        }
        const at = parseClock(value);
        if (!at)
          return ["  [console] Gebruik: @clock 2026-11-23T09:00 (Amsterdamse tijd) of een ISO-tijd met zone"];
        const before = clock.now();
        clock.set(at);
        if (echo) out(`@clock ${value}`);
        // Time that passes runs what became due in it, each message printed as it is sent; on a shared
        // database that would send (and mark sent) other tables' reminders, so there the clock only moves.
        if (at > before && deps.scheduler) await deps.scheduler.runUntil(before, at);
        return [];
      }
      return send(line, null);
    },
  };
}

import { findPii } from "../src/core/privacy.ts";
import type { DomainError } from "../src/core/result.ts";
import type { Command, Param, ParseContext, Token } from "./types.ts";

export type Parsed =
  | { ok: true; args: Record<string, unknown> }
  | { ok: false; error: DomainError; param?: Param<unknown>; field?: string };

const OPTION = /^([a-z][a-z.-]*)=(.*)$/i;

/** Reads a command's arguments: `key=value` options anywhere, then positionals in declared order. */
export function parseArgs(command: Command, tokens: readonly Token[], ctx: ParseContext): Parsed {
  const args: Record<string, unknown> = {};
  const entries = Object.entries(command.params);
  const positional: Token[] = [];
  for (const token of tokens) {
    const m = token.quoted ? null : OPTION.exec(token.text);
    if (!m) {
      positional.push(token);
      continue;
    }
    const key = (m[1] as string).toLowerCase();
    const entry = entries.find(([, p]) => p.keys?.includes(key));
    if (!entry) return { ok: false, error: { code: "optie-onbekend", params: { key: key.slice(0, 20) } } };
    const [name, p] = entry;
    // Every option value passes the PII guard, whatever reads it next (`school=111222333`).
    // A list (`gemeente=Druten,Wijchen`) item by item: "Word,Word" would read as "Surname, First name".
    const value = m[2] as string;
    const pii = (p.list ? value.split(",") : [value])
      .map((v) => findPii(v, ctx.today, ctx.known, p.schoolName === true))
      .find((found) => found !== null);
    if (pii) return { ok: false, error: { code: "pii", params: { pii } }, param: p, field: name };
    // A positional option's value was delimited by its key, as a quoted one is by its quotes.
    const r = p.read([{ text: m[2] as string, quoted: p.positional === true }], ctx);
    if (r === null)
      return { ok: false, error: { code: "argument-ontbreekt", params: {} }, param: p, field: name };
    if ("error" in r) return { ok: false, error: r.error, param: p, field: name };
    args[name] = r.value;
  }
  let rest: readonly Token[] = positional;
  for (const [name, p] of entries) {
    if (p.keys && (!p.positional || args[name] !== undefined)) {
      args[name] ??= null;
      continue;
    }
    const r = rest.length > 0 ? p.read(rest, ctx) : null;
    if (r === null) {
      if (!p.optional)
        return { ok: false, error: { code: "argument-ontbreekt", params: {} }, param: p, field: name };
      args[name] = null;
      continue;
    }
    if ("error" in r) return { ok: false, error: r.error, param: p, field: name };
    args[name] = r.value;
    rest = rest.slice(r.used);
  }
  if (rest.length > 0) return { ok: false, error: { code: "te-veel-argumenten", params: {} } };
  return { ok: true, args };
}

/** Expected outcomes are values: a use case returns `ok(value)` or `fail(code, params)`; `throw` is for bugs. */
export type Params = Record<string, string | number>;
export interface DomainError {
  readonly code: string;
  readonly params: Params;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, params: Params = {}): { ok: false; error: DomainError } => ({
  ok: false,
  error: { code, params },
});

/**
 * A change that waits for the sender's yes (a destructive step, a likely duplicate): it was tried on the draft,
 * so the question only comes when the change would succeed, and nothing is written. `params` say what it would do.
 */
export type Question = { ok: false; error: DomainError; ask: true };
export const ask = (params: Params): Question => ({
  ok: false,
  error: { code: "bevestigen", params },
  ask: true,
});
export const isQuestion = (r: { ok: boolean }): r is Question => "ask" in r && r.ask === true;

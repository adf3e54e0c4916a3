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

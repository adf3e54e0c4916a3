/** What the log says of a fault: its code (`ENOSPC`, `57P01`) or else its name, never its message or payload. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : e instanceof Error ? e.name : "error";
}

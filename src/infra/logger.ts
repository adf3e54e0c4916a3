import type { LogFields, Logger } from "../ports.ts";

/** JSON lines on stderr: ids, command names and codes only (the Logger port's promise). */
export function jsonLogger(
  level: "info" | "error" | "silent",
  write = (line: string) => process.stderr.write(line),
): Logger {
  const emit = (lvl: string, event: string, fields: LogFields = {}) =>
    write(`${JSON.stringify({ t: new Date().toISOString(), level: lvl, event, ...fields })}\n`);
  return {
    info: (event, fields) => level === "info" && emit("info", event, fields),
    error: (event, fields) => level !== "silent" && emit("error", event, fields),
  };
}

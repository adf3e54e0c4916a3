import type { Command, Person } from "./types.ts";

/** Free text as one quoted token for the command line, whichever quotes it contains. */
export const quoted = (text: string) => (text.includes('"') ? `“${text.replace(/”/g, "'")}”` : `"${text}"`);

/**
 * A submitted form (Slack modal, Teams dialog) as the command line a person would have typed, so one parser and
 * one set of checks serve both. `person` turns a picked user into `@handle` with their platform id.
 */
export function formLine(
  command: Command,
  values: Readonly<Record<string, string | undefined>>,
  person: (value: string) => Person | null = () => null,
): { text: string; mentions: Map<string, Person> } {
  const mentions = new Map<string, Person>();
  const tokens: string[] = [command.name];
  for (const [name, p] of Object.entries(command.params)) {
    const raw = values[name]?.trim();
    if (!p.form || !raw) continue;
    let token: string;
    switch (p.form.kind) {
      case "text":
        token = quoted(raw);
        break;
      case "member": {
        const picked = person(raw);
        if (picked) mentions.set(picked.handle, picked);
        token = picked
          ? `@${picked.handle}`
          : raw.startsWith("@")
            ? raw.replace(/\s+/g, "")
            : `@${raw.replace(/\s+/g, "")}`;
        break;
      }
      case "period": {
        const to = values[`${name}__to`]?.trim();
        token = to ? `${raw}..${to}` : raw;
        break;
      }
      default:
        token = raw.replace(/\s+/g, "");
    }
    tokens.push(p.keys ? `${p.keys[0]}=${token}` : token);
  }
  return { text: tokens.join(" "), mentions };
}

/**
 * Text in mrkdwn, where Block Kit has no plain text (fallback text, App Home lines): `&`, `<` and `>` escaped, so
 * no text can mention a person, `@channel`, or fake a link (`<https://evil|gemeente.nl>`), and `*`, `_`, `~` and
 * `` ` `` each followed by a word joiner (U+2060), so `*✅ Goedgekeurd*` cannot pass for a bold system line.
 * Everything else is rendered as `plain_text` (see render.ts).
 */
export const escapeMrkdwn = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([*_~`])/g, "$1\u2060");

/** Slack's limits for one section (3,000 characters) and one message (50 blocks). */
export const SECTION_MAX = 3000;
export const BLOCKS_MAX = 50;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

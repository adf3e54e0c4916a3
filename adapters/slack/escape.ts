/**
 * User text in mrkdwn: `&`, `<` and `>` escaped, so no text can mention a person, `@channel`, or fake a link
 * (`<https://evil|gemeente.nl>`); text objects also carry `verbatim: true`, so Slack does not turn `@here` or a
 * URL into anything live.
 */
export const escapeMrkdwn = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack's limits for one section (3,000 characters) and one message (50 blocks). */
export const SECTION_MAX = 3000;
export const BLOCKS_MAX = 50;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

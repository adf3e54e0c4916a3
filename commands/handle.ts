/**
 * The one way a platform's name for a person becomes a handle (`@joost`, `@anna.de.vries`): the form the grammar
 * reads (`commands/params.ts` member), for Slack's user names and mentions and Teams' display names alike.
 * Lower case, spaces as dots, only letters, digits, dots, dashes and underscores, at most 40, starting with a
 * letter or digit; a name that leaves nothing falls back to the platform's id.
 */
export function handleOf(name: string | undefined, id: string): string {
  const handle = (name ?? "")
    .normalize("NFC")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ".")
    .replace(/[^\p{L}\p{N}._-]/gu, "")
    .replace(/^[._-]+/, "")
    .slice(0, 40);
  return handle || id.toLowerCase().slice(0, 40);
}

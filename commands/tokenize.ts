import type { Token } from "./types.ts";

const QUOTES: Record<string, string> = { '"': '"', "“": "”", "„": "”", "'": "'", "‘": "’" };

/**
 * Splits a command line on white space, keeping quoted text (straight or curly quotes, as phones type them)
 * as one token. An unclosed quote runs to the end of the line.
 */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const close = QUOTES[ch];
    if (close && (ch !== "'" || i === 0 || /\s/.test(line[i - 1] as string))) {
      const end = line.indexOf(close, i + 1);
      const stop = end === -1 ? line.length : end;
      tokens.push({ text: line.slice(i + 1, stop), quoted: true });
      i = stop + 1;
      continue;
    }
    let j = i;
    while (j < line.length && !/\s/.test(line[j] as string)) {
      // `notitie="twee woorden"`: an option's quoted value stays one token with its key.
      const valueClose = line[j] === "=" ? QUOTES[line[j + 1] as string] : undefined;
      if (valueClose) {
        const end = line.indexOf(valueClose, j + 2);
        const stop = end === -1 ? line.length : end;
        tokens.push({ text: line.slice(i, j + 1) + line.slice(j + 2, stop), quoted: false });
        i = stop + 1;
        j = -1;
        break;
      }
      j++;
    }
    if (j === -1) continue;
    tokens.push({ text: line.slice(i, j), quoted: false });
    i = j;
  }
  return tokens;
}

import type { DomainError } from "../src/core/result.ts";
import type { Command, InFile } from "./types.ts";

/**
 * The files sent along with a command through a platform's form, checked at the edge before one is fetched whole:
 * only to a command that takes one, just one, of its type, within its stated size. One rule for every platform.
 */
export function sentFileRefusal(
  command: Command,
  files: ReadonlyArray<{ name: string; size?: number | undefined }>,
): DomainError | null {
  const takes = command.takesFile;
  const [first, ...more] = files;
  if (!takes || !first || more.length > 0 || !first.name.toLowerCase().endsWith(`.${takes.ext}`))
    return { code: "bestand-soort", params: { ext: (takes?.ext ?? "csv").toUpperCase() } };
  if (first.size !== undefined && first.size > takes.maxBytes) return sentFileTooLarge(takes.maxBytes);
  return null;
}

const sentFileTooLarge = (max: number): DomainError => ({
  code: "bestand-te-groot",
  params: { max: Math.floor(max / 1000) },
});

/**
 * The fetched body as text: the size checked again on the bytes themselves (a platform's stated size is input),
 * and only valid UTF-8, so a spreadsheet's binary or a mis-encoded file is refused instead of read as garbage.
 */
export async function sentFileText(
  command: Command,
  name: string,
  res: Response,
): Promise<{ file: InFile } | { error: DomainError }> {
  const max = command.takesFile?.maxBytes ?? 0;
  if (!res.ok || !res.body) return { error: { code: "bestand-onleesbaar", params: {} } };
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > max) return { error: sentFileTooLarge(max) };
    parts.push(chunk);
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(parts));
    return { file: { name, text } };
  } catch {
    return { error: { code: "bestand-onleesbaar", params: {} } };
  }
}

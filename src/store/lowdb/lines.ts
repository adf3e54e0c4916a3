import { type FileHandle, open } from "node:fs/promises";

/**
 * The lines of a file, read 64 KiB at a time and given a read's worth at once (an await per line cost more than
 * parsing it): a store file (a journal, a read log, a snapshot) can be tens of
 * megabytes, and read whole it is held twice more, as text and as its lines, beside what is made of it. The last
 * line is given also when no newline ends it (a torn write); a file ending in a newline gives no empty last line.
 */
export async function* linesOf(file: FileHandle): AsyncGenerator<string[]> {
  // A line begun in an earlier read: one line (a case with many signals) can be longer than a read.
  const pending: string[] = [];
  for await (const chunk of file.createReadStream({ encoding: "utf8", start: 0, autoClose: false })) {
    const lines = (chunk as string).split("\n");
    if (lines.length === 1) {
      pending.push(chunk as string);
      continue;
    }
    lines[0] = pending.join("") + lines[0];
    pending.length = 0;
    pending.push(lines.pop() as string);
    yield lines;
  }
  const last = pending.join("");
  if (last) yield [last];
}

/** A store file opened, or null when it is not there (a table without a journal or reads yet). */
export async function openIfThere(path: string, flags: "r" | "r+"): Promise<FileHandle | null> {
  try {
    return await open(path, flags);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

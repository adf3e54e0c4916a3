import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temp files of a rewrite: removed at start, since a killed rewrite leaves one (a whole copy of a table). */
export const TEMP_SUFFIX = ".tmp";

/** Small enough to stay out of V8's large-object space, which only a full collection frees. */
const WRITE_BATCH = 64 * 1024;

/**
 * Replaces a file only with a copy that is known whole: written to a temp file, every byte checked as written,
 * synced, its size read back, then renamed over the old one and the directory synced. On a full disk the old
 * file stays and the write throws (ENOSPC), so a snapshot is never replaced by a truncated one. Not
 * write-file-atomic: it gives no way to check the temp file before the rename. The text may come in pieces,
 * so a large table is never one string; returns the bytes written.
 */
export async function writeVerified(path: string, text: string | Iterable<string>): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`);
  const file = await open(temp, "wx", 0o600);
  let size = 0;
  const put = async (chunk: string) => {
    const data = Buffer.from(chunk);
    for (let at = 0; at < data.length; ) {
      const { bytesWritten } = await file.write(data, at);
      if (bytesWritten === 0) throw Object.assign(new Error(`short write to ${temp}`), { code: "ENOSPC" });
      at += bytesWritten;
    }
    size += data.length;
  };
  try {
    // Small pieces (a snapshot's lines) go to the disk 64 KiB at a time.
    let batch = "";
    for (const piece of typeof text === "string" ? [text] : text) {
      batch += piece;
      if (batch.length >= WRITE_BATCH) {
        await put(batch);
        batch = "";
      }
    }
    if (batch) await put(batch);
    await file.sync();
    if ((await file.stat()).size !== size)
      throw Object.assign(new Error(`${temp} is not the size written`), { code: "EIO" });
    await file.close();
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  await rename(temp, path);
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  return size;
}

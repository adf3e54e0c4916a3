import { createHmac, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { Pseudonymizer } from "../ports.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * HMAC-SHA-256 over the table id and the normalised number: without the key nobody can enumerate pupil numbers
 * into keys, and the same pupil at two tables gets two unrelated keys.
 */
export function hmacPseudonymizer(key: Buffer): Pseudonymizer {
  return {
    pupilKey(tableId, normalisedNumber) {
      const mac = createHmac("sha256", key).update(`${tableId}\u0000${normalisedNumber}`).digest();
      let out = "";
      for (let i = 0; i < 6; i++) out += CROCKFORD[(mac[i] as number) & 31];
      return `L-${out}`;
    },
  };
}

/** The key from configuration, or else from `pupil.key` in the data directory, created (0600) on first start. */
export async function loadPupilKey(dataDir: string | null, configured: string | undefined): Promise<Buffer> {
  if (configured) return Buffer.from(configured, "hex");
  if (dataDir === null) return randomBytes(32);
  const file = join(dataDir, "pupil.key");
  try {
    const hex = (await readFile(file, "utf8")).trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} is damaged: expected 64 hex characters`);
    return Buffer.from(hex, "hex");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    const key = randomBytes(32);
    await writeFileAtomic(file, key.toString("hex"), { mode: 0o600, fsync: true });
    return key;
  }
}

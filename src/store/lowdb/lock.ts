import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import lockfile from "proper-lockfile";

export class StoreLockedError extends Error {
  readonly code = "opslag-in-gebruik";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One writer per data directory. proper-lockfile alone would keep a killed process's lock for its stale
 * period; the owner's pid inside the lock lets a restart on the same machine take it over at once.
 */
export async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const lockfilePath = join(dir, "tafel.lock");
  const pidFile = join(dir, "tafel.pid");
  const take = async () => {
    const release = await lockfile.lock(dir, { lockfilePath, realpath: false });
    await writeFile(pidFile, String(process.pid), { mode: 0o600 });
    return async () => {
      await rm(pidFile, { force: true });
      await release();
    };
  };
  try {
    return await take();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
    const owner = Number(await readFile(pidFile, "utf8").catch(() => "NaN"));
    if (Number.isInteger(owner) && owner !== process.pid && !alive(owner)) {
      await rm(lockfilePath, { recursive: true, force: true });
      return await take();
    }
    throw new StoreLockedError(dir);
  }
}

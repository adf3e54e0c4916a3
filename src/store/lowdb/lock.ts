import { randomUUID } from "node:crypto";
import { mkdir, readFile, readlink, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";

export class StoreLockedError extends Error {
  readonly code = "opslag-in-gebruik";
}

/** The lock was taken from this process (it was paused past its lease): it may write nothing more. */
export class StoreLockLostError extends Error {
  // An E-code: the sender hears "niet opgeslagen", and the log names it.
  readonly code = "ELOCKLOST";
  constructor(dir: string) {
    super(`the lock on ${dir} was taken over by another process: this process stops writing`);
  }
}

/** The holder refreshes the lock every 5 s; one not refreshed for 30 s is a lease that ran out. */
const HEARTBEAT_MS = 5_000;
export const LEASE_MS = 30_000;

export interface LeaseOptions {
  /** How often the holder touches its lock, and after how long untouched another may take it (tests shorten both). */
  heartbeatMs?: number;
  leaseMs?: number;
  /** Told once when the lock was taken from this process; the store then refuses every write. */
  onLost?: (e: StoreLockLostError) => void;
}

/** The lock as its holder keeps it: release it, or ask whether it is still its own (before a write is acknowledged). */
export type Lease = (() => Promise<void>) & { held: () => Promise<boolean> };
/** Only one process at a time may decide to take over a lock: a takeover marker older than this was left by a crash. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Who holds a lock: the machine (host name and boot id) and the pid namespace as well as the pid, since a pid
 * alone means nothing across containers or hosts sharing a volume.
 */
async function whereAmI(): Promise<string> {
  const boot = await readFile("/proc/sys/kernel/random/boot_id", "utf8").catch(() => "-");
  const pids = await readlink("/proc/self/ns/pid").catch(() => "-");
  return `${hostname()}|${boot.trim()}|${pids}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One writer per data directory, also across containers and hosts on one volume. The lock is a directory the
 * holder touches every 5 s (proper-lockfile), with the holder's place and pid in it. Another process takes it
 * over only when its lease ran out (30 s without a touch) or, on the same machine and pid namespace, when the
 * holder's pid is gone (a restart after kill -9 need not wait). Takeovers are made one at a time, under a
 * marker directory that only one process can create, and the lock is read again under it, so of several
 * processes that find a lock stale at once exactly one gets it. A holder whose lock was taken from it (a
 * machine that slept past its lease) stops: it checks its mark in the lock before a write is acknowledged, and
 * proper-lockfile's heartbeat sees the foreign touch; either way it is told once (`onLost`) and writes no more.
 */
export async function lockDirectory(
  dir: string,
  /** Told when another process was deciding a takeover at the same moment (the race tests show it happened). */
  onContention: () => void = () => {},
  lease: LeaseOptions = {},
): Promise<Lease> {
  const lockPath = join(dir, "tafel.lock");
  const ownerPath = join(lockPath, "owner");
  const takeoverPath = join(dir, "tafel.takeover");
  const here = await whereAmI();
  const leaseMs = lease.leaseMs ?? LEASE_MS;
  // The holder's own mark in the lock: a takeover writes another, so a paused holder sees it lost the lock.
  const token = randomUUID();
  let lost = false;
  const loseIt = () => {
    if (lost) return;
    lost = true;
    lease.onLost?.(new StoreLockLostError(dir));
  };

  const take = async (): Promise<Lease> => {
    // Taking over is Tafel's own decision (below), never proper-lockfile's: its stale period is out of reach.
    const release = await lockfile.lock(dir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: 365 * 24 * 3_600_000,
      update: lease.heartbeatMs ?? HEARTBEAT_MS,
      // Its default throws where nobody catches it: a clean stop instead, and no write after it.
      onCompromised: loseIt,
    });
    // Adding or removing the owner file changes the directory's mtime, which proper-lockfile reads as a foreign
    // touch: the mtime it holds is put back each time.
    const keepingMtime = async (change: () => Promise<void>) => {
      // A directory already removed (a test's temp dir, an operator's cleanup) has no lease left to keep.
      const before = await stat(lockPath).catch(() => null);
      await change();
      if (before) await utimes(lockPath, before.mtime, before.mtime).catch(() => undefined);
    };
    await keepingMtime(() =>
      writeFile(ownerPath, JSON.stringify({ place: here, pid: process.pid, token }), { mode: 0o600 }),
    );
    const held = async () => {
      if (lost) return false;
      const owner = await readFile(ownerPath, "utf8").catch(() => "");
      if (owner.includes(token)) return true;
      loseIt();
      return false;
    };
    return Object.assign(
      async () => {
        if (lost) return;
        // proper-lockfile removes only an empty lock directory.
        await keepingMtime(() => rm(ownerPath, { force: true }));
        await release();
      },
      { held },
    );
  };

  /** Whether the lock as it is now may be taken over; read under the takeover marker. */
  const expired = async () => {
    const info = await stat(lockPath).catch(() => null);
    if (!info) return true;
    if (Date.now() - info.mtimeMs > leaseMs) return true;
    const owner = await readFile(ownerPath, "utf8")
      .then((t) => JSON.parse(t) as { place?: unknown; pid?: unknown })
      .catch(() => null);
    return (
      owner?.place === here && typeof owner.pid === "number" && owner.pid !== process.pid && !alive(owner.pid)
    );
  };

  try {
    return await take();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await mkdir(takeoverPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      onContention();
      // Another process is deciding; a marker left by a crash is cleared once it is old.
      const marker = await stat(takeoverPath).catch(() => null);
      if (marker && Date.now() - marker.mtimeMs > TAKEOVER_STALE_MS)
        await rm(takeoverPath, { recursive: true, force: true });
      await sleep(20 + Math.random() * 30);
      continue;
    }
    try {
      if (!(await expired())) throw new StoreLockedError(dir);
      await rm(lockPath, { recursive: true, force: true });
      try {
        return await take();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ELOCKED") throw new StoreLockedError(dir);
        throw e;
      }
    } finally {
      await rm(takeoverPath, { recursive: true, force: true });
    }
  }
  throw new StoreLockedError(dir);
}

import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { mkdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LEASE_MS, lockDirectory, StoreLockedError } from "../../src/store/lowdb/lock.ts";
import { tempDir } from "../support/harness.ts";

/** A lock left in `dir` by another process: its place (machine and pid namespace), its pid, and how long ago it was touched. */
async function foreignLock(dir: string, place: string, pid: number, touchedMsAgo: number) {
  const lock = join(dir, "tafel.lock");
  await mkdir(lock, { recursive: true });
  await writeFile(join(lock, "owner"), JSON.stringify({ place, pid }));
  const when = new Date(Date.now() - touchedMsAgo);
  await utimes(lock, when, when);
}

const DEAD_PID = 2 ** 22 + 17;

/** One writer per data directory across containers and hosts (issue #15 item 4). */
describe("the data directory's lock", () => {
  const dirs = (() => {
    const open: Array<{ remove: () => Promise<void> }> = [];
    return {
      open: async () => {
        const d = await tempDir();
        open.push(d);
        return d;
      },
      removeAll: () => Promise.all(open.splice(0).map((d) => d.remove())),
    };
  })();
  afterEach(() => dirs.removeAll());

  it("leaves a live lock of another container alone, though that container's pid means nothing here", async () => {
    const dir = await dirs.open();
    await foreignLock(dir.path, "andere-container|boot|pid:[1]", DEAD_PID, 1_000);
    await expect(lockDirectory(dir.path)).rejects.toBeInstanceOf(StoreLockedError);
  });

  it("takes over a lock whose lease ran out, wherever its holder was", async () => {
    const dir = await dirs.open();
    await foreignLock(dir.path, "andere-host|boot|pid:[1]", 1, LEASE_MS + 5_000);
    const release = await lockDirectory(dir.path);
    const owner = JSON.parse(await readFile(join(dir.path, "tafel.lock", "owner"), "utf8"));
    expect(owner.pid).toBe(process.pid);
    await release();
  });

  it("takes over at once a lock of a process on this machine and pid namespace that is gone (kill -9)", async () => {
    const dir = await dirs.open();
    const release = await lockDirectory(dir.path);
    const { place } = JSON.parse(await readFile(join(dir.path, "tafel.lock", "owner"), "utf8"));
    await release();
    await foreignLock(dir.path, place, DEAD_PID, 1_000);
    const again = await lockDirectory(dir.path);
    await again();
  });

  it("keeps its lock through its own heartbeats, with the owner written in it", async () => {
    const dir = await dirs.open();
    const release = await lockDirectory(dir.path);
    const lock = join(dir.path, "tafel.lock");
    const first = (await stat(lock)).mtimeMs;
    // The event: the holder touches its lease (every 5 s); a compromised lock would have thrown by then.
    await new Promise<void>((resolve) => {
      const watcher = watch(dir.path, async (_, file) => {
        if (file === "tafel.lock" && (await stat(lock).catch(() => null))?.mtimeMs !== first) {
          watcher.close();
          resolve();
        }
      });
    });
    expect(JSON.parse(await readFile(join(lock, "owner"), "utf8")).pid).toBe(process.pid);
    await release();
    await expect(stat(lock)).rejects.toThrow();
  }, 30_000);

  it("gives a stale lock to exactly one of three processes that take it at once, round after round", async () => {
    const dir = await dirs.open();
    const outcomes: string[][] = [];
    for (let round = 0; round < 12; round++) {
      await foreignLock(dir.path, "andere-host|boot|pid:[1]", 1, LEASE_MS + 5_000);
      const racers = [0, 1, 2].map(() =>
        spawn(process.execPath, [join(import.meta.dirname, "../support/lock-racer.ts"), dir.path], {
          stdio: ["pipe", "pipe", "inherit"],
        }),
      );
      // Listened for now: a racer that lost exits at once.
      const exited = racers.map((c) => new Promise((r) => c.once("exit", r)));
      for (const c of racers) c.stdin.on("error", () => {});
      const lines = racers.map((child) => {
        const queue: string[] = [];
        const waiting: Array<(line: string) => void> = [];
        let rest = "";
        child.stdout.on("data", (d: Buffer) => {
          rest += d.toString();
          for (let i = rest.indexOf("\n"); i >= 0; i = rest.indexOf("\n")) {
            const line = rest.slice(0, i);
            rest = rest.slice(i + 1);
            const next = waiting.shift();
            if (next) next(line);
            else queue.push(line);
          }
        });
        return () =>
          new Promise<string>((r) => (queue.length ? r(queue.shift() as string) : waiting.push(r)));
      });
      // All three started and are waiting; then they are let go together.
      expect(await Promise.all(lines.map((next) => next()))).toEqual(["ready", "ready", "ready"]);
      for (const child of racers) child.stdin.write("go\n");
      const said = await Promise.all(lines.map((next) => next()));
      // Every racer answered before the winner let go: the three wanted the lock at the same time.
      for (const child of racers) child.stdin.end("stop\n");
      await Promise.all(exited);
      outcomes.push(said);
    }
    for (const said of outcomes)
      expect(said.map((s) => s.split(" ")[0]).sort(), said.join(", ")).toEqual(["got", "locked", "locked"]);
    // The takeover was contended, not taken in turns: some racer met another deciding at the same moment.
    expect(outcomes.flat().some((s) => s.endsWith("contended"))).toBe(true);
  }, 120_000);
});

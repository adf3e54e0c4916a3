import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { tableWithMembers, tempDir } from "../support/harness.ts";

/** A writer process with its output as lines, and a way to wait for the next line it prints. */
function writer(dir: string, heartbeatMs = 200) {
  const child = spawn(process.execPath, [
    join(import.meta.dirname, "../support/paused-writer.ts"),
    dir,
    String(heartbeatMs),
  ]);
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let stderr = "";
  let buffered = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      waiting.shift()?.(line);
    }
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  let seen = 0;
  /** The next line not yet read. */
  const next = () =>
    seen < lines.length
      ? Promise.resolve(lines[seen++] as string)
      : new Promise<string>((r) =>
          waiting.push((l) => {
            seen++;
            r(l);
          }),
        );
  const say = (line: string) => child.stdin.write(`${line}\n`);
  return { child: child as ChildProcessWithoutNullStreams, next, say, exited, lines, stderr: () => stderr };
}

const running: Array<ReturnType<typeof writer>> = [];
afterEach(() => {
  for (const w of running.splice(0)) w.child.kill("SIGKILL");
});

describe("a holder paused past its lease", () => {
  it("loses no write and makes no phantom: the new holder's acknowledged text stays, the woken one's is refused", async () => {
    const dir = await tempDir();
    try {
      const h = await tableWithMembers({ dir: dir.path });
      await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
      for (let i = 1; i <= 5; i++) await h.say("piet", `besluit C-1 "Besluit ${i}"`);
      await h.store.close();

      // A's heartbeat is slower than its pause, so on waking its write comes first, as in the field.
      const a = writer(dir.path, 60_000);
      running.push(a);
      expect(await a.next()).toBe("ready");
      a.say("write B-5 P A 1");
      expect(await a.next()).toBe("acked P A 1");
      // A freezes past its lease; B takes the directory over once the lease ran out, and acknowledges its write.
      a.child.kill("SIGSTOP");
      const b = writer(dir.path);
      running.push(b);
      expect(await b.next()).toBe("ready");
      b.say("write B-5 P B 1");
      expect(await b.next()).toBe("acked P B 1");
      // A wakes with a write of its own in hand: it is not acknowledged, and A stops cleanly.
      a.say("write B-5 P A na 1");
      a.child.kill("SIGCONT");
      expect(["refused ELOCKLOST", "lost"]).toContain(await a.next());
      expect(await a.exited).toBe(3);
      expect(a.lines).not.toContain("acked P A na 1");
      expect(a.lines).toContain("lost");
      expect(a.stderr()).not.toMatch(/\n\s+at /);
      // B is undisturbed: it still writes, and then releases the directory.
      b.say("write B-4 P B 2");
      expect(await b.next()).toBe("acked P B 2");
      b.say("close");
      expect(await b.exited).toBe(0);

      const store = await openFileStore(dir.path);
      const texts = new Map((await store.read("console")).decisions.map((d) => [d.id, d.text]));
      expect([texts.get("B-4"), texts.get("B-5")]).toEqual(["P B 2", "P B 1"]);
      await store.close();
    } finally {
      await dir.remove();
    }
  }, 60_000);
});

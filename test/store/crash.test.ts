import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { tempDir } from "../support/harness.ts";

/** Starts the writer, kills it with SIGKILL once it has acknowledged `after` commands, returns the last ack. */
function killMidStream(dir: string, after: number): Promise<number> {
  const round = String(after);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, "../support/crash-writer.ts"), dir, round],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let last = 0;
    let buffered = "";
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) last = Number(line.slice(4));
      if (last >= after) child.kill("SIGKILL");
    });
    child.on("exit", (_, signal) =>
      signal === "SIGKILL" ? resolve(last) : reject(new Error(`writer ended: ${stderr}`)),
    );
  });
}

describe("crash safety", () => {
  it("holds every acknowledged command after SIGKILL during a stream of writes", async () => {
    const dir = await tempDir();
    try {
      for (const after of [20, 45, 90]) {
        const acked = await killMidStream(dir.path, after);
        expect(acked).toBeGreaterThanOrEqual(after);
        const store = await openFileStore(dir.path);
        const texts = new Set((await store.read("console")).decisions.map((d) => d.text));
        await store.close();
        for (let i = 1; i <= acked; i++) expect(texts.has(`Ronde ${after} besluit ${i}`)).toBe(true);
      }
    } finally {
      await dir.remove();
    }
  });
});

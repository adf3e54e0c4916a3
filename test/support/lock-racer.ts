// Child process for the lock race test: waits for a common moment, then tries to take the data directory.
// Prints "got" (and holds the lock until told to stop) or "locked", with "contended" when it met another
// process deciding a takeover at the same moment.
import { lockDirectory, StoreLockedError } from "../../src/store/lowdb/lock.ts";

const dir = process.argv[2] as string;
const at = Number(process.argv[3]);
await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
let contended = false;
try {
  const release = await lockDirectory(dir, () => {
    contended = true;
  });
  process.stdout.write(`got${contended ? " contended" : ""}\n`);
  process.stdin.once("data", async () => {
    await release();
    process.exit(0);
  });
} catch (e) {
  const what = e instanceof StoreLockedError ? "locked" : `error ${(e as Error).message}`;
  process.stdout.write(`${what}${contended ? " contended" : ""}\n`);
  process.exit(0);
}

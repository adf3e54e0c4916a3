// Child process for the lock race test: says "ready", waits for "go" on stdin (sent to all racers at once), then
// tries to take the data directory. Prints "got" (and holds the lock until "stop") or "locked", with "contended"
// when it met another process deciding a takeover at the same moment.
import { createInterface } from "node:readline";
import { lockDirectory, StoreLockedError } from "../../src/store/lowdb/lock.ts";

const dir = process.argv[2] as string;
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.stdout.write("ready\n");
await lines.next();
let contended = false;
try {
  const release = await lockDirectory(dir, () => {
    contended = true;
  });
  process.stdout.write(`got${contended ? " contended" : ""}\n`);
  await lines.next();
  await release();
} catch (e) {
  const what = e instanceof StoreLockedError ? "locked" : `error ${(e as Error).message}`;
  process.stdout.write(`${what}${contended ? " contended" : ""}\n`);
}
process.exit(0);

// Child process for the paused-holder test: opens the data directory with a short lease (waiting while another
// process holds it), then per line on stdin `write <decision> <text>` changes that decision's text and prints
// `acked <text>` or `refused <code>`; `close` releases the directory. A lock taken from it prints `lost` and
// stops the process, as Tafel's own start does.
import { createInterface } from "node:readline";
import { ok } from "../../src/core/result.ts";
import { StoreLockedError } from "../../src/store/lowdb/lock.ts";
import { openFileStore } from "../../src/store/lowdb/store.ts";

const dir = process.argv[2] as string;
const lease = {
  // A heartbeat slower than the pause: woken, the writer meets its write before its heartbeat notices anything.
  heartbeatMs: Number(process.argv[3] ?? 200),
  leaseMs: 1_500,
  onLost: () => {
    process.stdout.write("lost\n");
    process.exit(3);
  },
};
/** How often a second writer tries the lock while the first one's lease runs out. */
const POLL_MS = 100;
const open = async () => {
  for (;;) {
    try {
      return await openFileStore(dir, { lease });
    } catch (e) {
      if (!(e instanceof StoreLockedError)) throw e;
      await new Promise((next) => setTimeout(next, POLL_MS));
    }
  }
};
const store = await open();
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  const [verb, id, ...words] = line.split(" ");
  if (verb === "close") break;
  const text = words.join(" ");
  try {
    const r = await store.transact("console", (doc) => {
      const d = doc.decisions.find((x) => x.id === id);
      if (d) d.text = text;
      return ok(null);
    });
    process.stdout.write(r.ok ? `acked ${text}\n` : `refused ${r.error.code}\n`);
  } catch (e) {
    process.stdout.write(`refused ${(e as { code?: string }).code ?? "?"}\n`);
  }
}
await store.close();
process.exit(0);

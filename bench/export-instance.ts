/**
 * One export of the memory benchmark (bench/memory.ts), in a process of its own: the 10,000-case table of a
 * data directory exported as a platform takes it: piece by piece into a sink that only counts (as Teams'
 * download sends it on), `--bytes` gathered as UTF-8 bytes (as Slack's upload takes it), or `--whole`,
 * gathered into one text first (as the export was made before).
 */
import { dispatch } from "../commands/dispatch.ts";
import type { Block } from "../commands/types.ts";
import { openFileStore } from "../src/store/lowdb/store.ts";
import { MEMBER_IDS } from "./generate.ts";
import { benchUseCases } from "./support.ts";

const [dir, mode] = process.argv.slice(2) as [string, string | undefined];
const store = await openFileStore(dir);
const out = await dispatch(benchUseCases(store), {
  text: "export",
  actor: { id: MEMBER_IDS[0] as string, handle: "m0" },
  conversation: "console",
  correlationId: "export",
});
const block = out.reply.blocks[0] as Extract<Block, { type: "stream" }>;
let bytes = 0;
const pieces: string[] = [];
const parts: Buffer[] = [];
await block.write(async (piece) => {
  bytes += Buffer.byteLength(piece);
  if (mode === "--whole") pieces.push(piece);
  if (mode === "--bytes") parts.push(Buffer.from(piece));
});
if (mode === "--whole") bytes = Buffer.byteLength(pieces.join(""));
if (mode === "--bytes") bytes = Buffer.concat(parts).length;
process.stdout.write(`${bytes}\n`);
await store.close();

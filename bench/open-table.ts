/**
 * A process of its own for the years benchmark (bench/years.ts): opens a data directory as Tafel does, reads
 * the named table, and prints its resident memory before and after as JSON.
 */
import { openFileStore } from "../src/store/lowdb/store.ts";

const [dir, table] = process.argv.slice(2) as [string, string];
const before = process.memoryUsage().rss;
const store = await openFileStore(dir);
await store.read(table);
process.stdout.write(`${JSON.stringify({ before, after: process.memoryUsage().rss })}\n`);
await store.close();

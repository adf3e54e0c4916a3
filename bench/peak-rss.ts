/**
 * Preloaded into a process the memory benchmark starts (`node --import`): at exit it writes the process's peak
 * resident set to stderr, as `peak-rss <KiB>`.
 */
import { writeSync } from "node:fs";

process.on("exit", () => writeSync(2, `peak-rss ${process.resourceUsage().maxRSS}\n`));

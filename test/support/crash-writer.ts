// Child process for the crash test: records decisions one by one and prints each acknowledged id.
import { tableWithMembers } from "./harness.ts";

const dir = process.argv[2] as string;
const round = process.argv[3] as string;
const h = await tableWithMembers({ dir });
await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
for (let i = 1; ; i++) {
  const out = await h.say("piet", `besluit C-1 "Ronde ${round} besluit ${i}"`);
  if (out.reply.error) throw new Error(out.reply.error.code);
  process.stdout.write(`ack ${i}\n`);
}

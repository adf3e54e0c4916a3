import { expect } from "vitest";
import { generateTable } from "../../bench/generate.ts";
import { harness } from "./harness.ts";
import { freshSchema } from "./postgres.ts";

/**
 * A generated table "t" of 30 cases in a schema of its own (dropped by the cleanup pushed onto `cleanups`), with a
 * case opened by a pupil's number, whose key the privacy guard knows. No instance holds it yet.
 */
export async function caseTable(cleanups: Array<() => Promise<void>>, at: string, by: string) {
  const schema = await freshSchema();
  cleanups.push(schema.drop);
  const setup = await schema.open();
  await setup.create(generateTable({ id: "t", conversation: "c", cases: 30, seed: 5 }));
  const h = await harness({ store: setup, at });
  expect((await h.say(by, "signaal 4321 ongeoorloofd 2 19-11", "c")).reply.error).toBeUndefined();
  await setup.close();
  return schema;
}

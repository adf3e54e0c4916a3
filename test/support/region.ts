import type { Outcome } from "../../commands/types.ts";
import { harness } from "./harness.ts";

/**
 * One region, three tables (issue #30): Triage Zuid (Wijchen's office), Triage Noord (Bureau Leerplicht Nijmegen,
 * which handles Druten's qualification duty) and the doorbraaktafel; RMC at Noord. Every table says what it is in
 * its own conversation.
 */
export async function region() {
  const h = await harness({ at: "2026-12-07T09:00:00Z" });
  const zuid = (who: string, line: string) => h.say(who, line, "triage-zuid");
  const noord = (who: string, line: string) => h.say(who, line, "triage-noord");
  const db = (who: string, line: string) => h.say(who, line, "doorbraak");
  // The setup is asserted: a refused line here would leave the tests proving nothing.
  const setup = async (said: Promise<Outcome>) => {
    const out = await said;
    if (out.reply.error) throw new Error(`region setup refused: ${out.reply.error.code}`);
  };
  await setup(noord("anna", "setup Triage Noord regio=zuid"));
  await setup(
    noord("anna", 'lid @fatima leerplichtambtenaar "Bureau Leerplicht Nijmegen" gemeente=Nijmegen'),
  );
  await setup(noord("anna", 'lid @rik rmc "RMC Rijk van Nijmegen"'));
  await setup(db("dora", "setup Doorbraaktafel regio=zuid"));
  await setup(db("dora", "lid @wim wijkteam"));
  await setup(zuid("anna", "setup Triage Zuid regio=zuid"));
  await setup(zuid("anna", "lid @joost zorgcoordinator"));
  await setup(zuid("anna", 'lid @piet leerplichtambtenaar "Gemeente Wijchen" gemeente=Wijchen'));
  await setup(zuid("anna", 'regio nieuw "Rijk van Nijmegen"'));
  await setup(zuid("anna", 'regio gemeente Wijchen kantoor="Gemeente Wijchen"'));
  await setup(
    zuid("anna", 'regio gemeente Druten kantoor="Gemeente Druten" kwalificatie="Bureau Leerplicht Nijmegen"'),
  );
  await setup(zuid("anna", 'regio rmc="RMC Rijk van Nijmegen"'));
  await setup(zuid("anna", "regio uitnodigen triage-noord"));
  await setup(zuid("anna", "regio uitnodigen doorbraak"));
  await setup(noord("anna", "regio aansluiten rijk-van-nijmegen"));
  await setup(db("dora", "regio aansluiten rijk-van-nijmegen"));
  await setup(zuid("anna", "regio doorbraaktafel=doorbraak"));
  return { h, zuid, noord, db };
}

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
  await noord("anna", "setup Triage Noord regio=zuid");
  await noord("anna", 'lid @fatima leerplichtambtenaar "Bureau Leerplicht Nijmegen" gemeente=Nijmegen');
  await noord("anna", 'lid @rik rmc "RMC Rijk van Nijmegen"');
  await db("dora", "setup Doorbraaktafel regio=zuid");
  await db("dora", "lid @wim wijkteam");
  await zuid("anna", "setup Triage Zuid regio=zuid");
  await zuid("anna", "lid @joost zorgcoordinator");
  await zuid("anna", 'lid @piet leerplichtambtenaar "Gemeente Wijchen" gemeente=Wijchen');
  await zuid("anna", 'regio nieuw "Rijk van Nijmegen"');
  await zuid("anna", 'regio gemeente Wijchen kantoor="Gemeente Wijchen"');
  await zuid(
    "anna",
    'regio gemeente Druten kantoor="Gemeente Druten" kwalificatie="Bureau Leerplicht Nijmegen"',
  );
  await zuid("anna", 'regio rmc="RMC Rijk van Nijmegen"');
  await zuid("anna", "regio uitnodigen triage-noord");
  await zuid("anna", "regio uitnodigen doorbraak");
  await noord("anna", "regio aansluiten rijk-van-nijmegen");
  await db("dora", "regio aansluiten rijk-van-nijmegen");
  await zuid("anna", "regio doorbraaktafel=doorbraak");
  return { h, zuid, noord, db };
}

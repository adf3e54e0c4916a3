import type { nlRules } from "./nl-rules.ts";

/** English words for the rules catalogue: every key of the Dutch one. */
export const enRules: Record<keyof typeof nlRules, string> = {
  "legal.law": "law",
  "legal.bill": "bill",
  "legal.local-protocol": "local protocol",
  "legal.proposal": "proposal",
  "ruletitle.wet.meldplicht-16u": "Threshold",
  "ruletitle.wet.thuiszitter": "Thuiszitter",
  "ruletitle.wet.absoluut-verzuim": "Absolute absence",
  "ruletitle.wet.vrijstelling": "Exemption",
  "ruletitle.wet.wettelijke-taak": "Legal task",
  "ruletitle.wet.leeftijd": "Age",
  "ruletitle.wetsvoorstel.geoorloofd-verzuim": "Authorised absence",
  "ruletitle.protocol.te-laat": "Late",
  "ruletitle.protocol.ziekmeldingen": "Sick reports",
  "ruletitle.protocol.ziekuren": "Sick hours",
  "ruletitle.protocol.nieuwkomer": "Newcomer",
  "ruletitle.protocol.intake": "Intake below the threshold",
  "ruletitle.protocol.sluiten": "Closing",
  "ruletitle.mdmtss.laag": "Tier (MD-MTSS)",
  "rule.caveat.geoorloofd":
    "This is no legal report duty: it is authorised absence, which a school may report but is not legally entitled or obliged to [002 L216-218]. Reporting it needs a basis: discuss the pupil anonymously with `consult`, or record the parents' consent (`grondslag=toestemming-ouders`). Without a basis leerplicht gets no sickness details.",
  "rule.school": "(rule of school {school})",
  "rule.line": "{title} ({status}): {text}",
  "help.regels.title": "Tafel's rules",
  "help.regels.intro":
    "Every rule with what kind of rule it is (law, bill, local protocol, proposal), its source and its policy keys. One rule: `help <rule>`, e.g. `help laag` or `help meldgrens`.",
  "help.regel.status": "Kind",
  "help.regel.source": "Source",
  "help.regel.keys": "Policy",
  "help.regel.keys.none": "none: not a setting",
  "card.intake.none":
    "takes no part in this case below the threshold (policy intake={mode}); regie lies with the school.",
  "card.pupil": "Pupil",
  "pupil.municipality": "lives in {municipality}",
  "pupil.duty.volledig": "full compulsory education ({band})",
  "pupil.duty.kwalificatie": "qualification duty ({band})",
  "pupil.duty.geen": "no duty left ({band}): no enforcement; the Doorstroompunt (RMC) acts",
  "reply.leerling": "Case {id}: {facts}.",
  "reply.leerling.none": "Case {id}: no municipality or age band yet.",
};

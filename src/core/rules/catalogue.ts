import type { PolicyKey } from "./policy.ts";

/**
 * Every rule Tafel applies, with what kind of rule it is, where it comes from and the `beleid` keys that set it,
 * so none passes for law (domain.md FR-04, §3). The case card, `help regels` and the reference's rules table all
 * read this list; a test keeps docs/reference.md in step.
 */
export type LegalStatus = "law" | "bill" | "local-protocol" | "proposal";

export interface Rule {
  legalStatus: LegalStatus;
  source: string;
  keys: readonly PolicyKey[];
  summary: { nl: string; en: string };
  /**
   * A local trigger on authorised absence (sickness): it models a protocol that ends in a DUO report, but schools
   * "kunnen melden, maar hiertoe zijn zij wettelijk niet bevoegd en niet verplicht" [002 L216-218] (PR-05, TH-11,
   * domain.md §11 CONFLICT 6). Wherever the rule is shown, Tafel says so and names the routes that do have a basis.
   */
  authorisedAbsence?: true;
}

export const RULES = {
  "wet.meldplicht-16u": {
    legalStatus: "law",
    source:
      "Leerplichtwet art. 21a: 16 uur ongeoorloofd verzuim in 4 opeenvolgende lesweken (domain.md TH-01; [003 L675, L852]); Tafel leest dit als 4 lesweken binnen één schooljaar, want de bron laat open of een venster over de zomer loopt",
    keys: ["meldgrens.marge", "duo.termijn"],
    summary: {
      nl: "Vanaf 16 uur ongeoorloofd (ongeoorloofd, luxe) in 4 opeenvolgende lesweken van één schooljaar is de leerling meldplichtig: de school meldt bij DUO. Vanaf de marge in de laatste 4 lesweken nadert de casus de meldgrens.",
      en: "From 16 hours unauthorised (ongeoorloofd, luxe) within 4 consecutive lesweken of one school year the pupil is meldplichtig: the school reports to DUO. From the margin in the last 4 lesweken the case nears the threshold.",
    },
  },
  "wet.thuiszitter": {
    legalStatus: "law",
    source:
      "Leerplichtig, zonder vrijstelling 4 weken of langer niet naar school (domain.md TH-04; [004 L269-271])",
    keys: [],
    summary: {
      nl: "Een thuiszitter-signaal dat 4 hele aaneengesloten lesweken dekt, zonder vrijstelling.",
      en: "A thuiszitter signal covering 4 whole consecutive lesweken, without an exemption.",
    },
  },
  "wet.absoluut-verzuim": {
    legalStatus: "law",
    source: "Leerplichtig kind niet ingeschreven op een school (domain.md §1.2; [004 L102-104])",
    keys: [],
    summary: { nl: "Een absoluut-signaal: niet ingeschreven.", en: "An absoluut signal: not enrolled." },
  },
  "wet.vrijstelling": {
    legalStatus: "law",
    source:
      "Leerplichtwet art. 5 onder a, b, c; van rechtswege (domain.md TH-18, RPT-07; [004 L419-427]); medische vrijstelling alleen met leerplicht aan tafel (TH-19, [003 L1718])",
    keys: [],
    summary: {
      nl: "Een vrijstelling (5a, 5b, 5c) houdt handhaving tegen en beëindigt de thuiszitter-telling voor haar periode; 5a alleen als een leerplichtambtenaar aan de casus meedoet.",
      en: "An exemption (5a, 5b, 5c) stops enforcement and thuiszitter detection for its period; 5a only while a leerplichtambtenaar takes part in the case.",
    },
  },
  "wet.wettelijke-taak": {
    legalStatus: "law",
    source:
      "Zonder gemeld ongeoorloofd verzuim of vrijstelling geen wettelijke taak voor leerplicht (domain.md key rule 3, PR-02; [003 L1720])",
    keys: [],
    summary: {
      nl: "Waarschuwing, Halt, civiel, pv en lod alleen bij ongeoorloofd of absoluut verzuim, niet bij een vrijstelling of een anoniem consult.",
      en: "Warning, Halt, civil, report and penalty only with unauthorised or absolute absence, never with an exemption or an anonymous consult.",
    },
  },
  "wet.leeftijd": {
    legalStatus: "law",
    source:
      "Volledige leerplicht 5 tot eind schooljaar waarin 16; kwalificatieplicht tot 18; Halt vanaf 12 (domain.md TH-15; [004 L65-76]; [003 L1419])",
    keys: [],
    summary: {
      nl: "Uit de leeftijdsgroep: volledige leerplicht (5-15), kwalificatieplicht (16-17), geen leerplicht meer (18+, geen handhaving); Halt van 12 tot 18.",
      en: "From the age band: full duty (5-15), qualification duty (16-17), no duty left (18+, no enforcement); Halt from 12 to 18.",
    },
  },
  "wetsvoorstel.geoorloofd-verzuim": {
    legalStatus: "bill",
    source:
      "Wet en Besluit terugdringen schoolverzuim: geoorloofd verzuim alleen geaggregeerd naar de gemeente (domain.md PR-04; [003 L893, L1009])",
    keys: [],
    summary: {
      nl: "Ziek-uren ziet alleen de school en JGZ, tenzij de grondslag toestemming of een vrijstellingsprocedure is.",
      en: "Sick hours are seen by the school and JGZ only, unless the basis is consent or an exemption procedure.",
    },
  },
  "protocol.te-laat": {
    legalStatus: "local-protocol",
    source: "Tafelbeleid, naar het voorbeeld van Ubbo Emmius (domain.md TH-09; [001 L200-202])",
    keys: ["te-laat.aantal", "te-laat.weken"],
    summary: {
      nl: "N× te laat binnen W lesweken; uit (0) tenzij ingesteld.",
      en: "N× late within W lesweken; off (0) unless set.",
    },
  },
  "protocol.ziekmeldingen": {
    authorisedAbsence: true,
    legalStatus: "local-protocol",
    source: "Tafelbeleid (domain.md TH-10; [001 L214-216])",
    keys: ["ziek.aantal", "ziek.weken"],
    summary: {
      nl: "N ziekmeldingen binnen W lesweken; uit (0) tenzij ingesteld.",
      en: "N sick reports within W lesweken; off (0) unless set.",
    },
  },
  "protocol.ziekuren": {
    authorisedAbsence: true,
    legalStatus: "local-protocol",
    source: "Tafelbeleid (domain.md TH-11; [001 L216-217])",
    keys: ["ziekuren.uren", "ziekuren.weken"],
    summary: {
      nl: "N uur ziek binnen W lesweken; uit (0) tenzij ingesteld.",
      en: "N sick hours within W lesweken; off (0) unless set.",
    },
  },
  "protocol.nieuwkomer": {
    legalStatus: "local-protocol",
    source: "Lokale afspraak ISK: de eerste weken niet melden (domain.md TH-12; [001 L72-73])",
    keys: ["nieuwkomer.weken"],
    summary: {
      nl: "In de eerste N lesweken na inschrijving houdt de tafel haar eigen protocolmeldingen in; de wettelijke meldgrens telt altijd.",
      en: "In the first N lesweken after enrolment the table holds back its own protocol prompts; the legal threshold always counts.",
    },
  },
  "protocol.intake": {
    legalStatus: "local-protocol",
    source:
      "Regionale keuze onder de grens: preventief (casus F), alleen anoniem consult (scenario 1), alleen wettelijk (casus E) (domain.md §6.1, FR-01, FR-15; [003 L790, L844, L1818-1822])",
    keys: ["intake"],
    summary: {
      nl: "Onder de meldgrens: preventief (leerplicht denkt en doet mee), consult (leerplicht alleen anoniem), wettelijk (leerplicht pas vanaf de meldgrens). Bij consult en wettelijk blijft de regie bij de school en krijgt leerplicht onder de grens geen regie, afspraken of nadert-bericht.",
      en: "Below the threshold: preventief (leerplicht takes part), consult (leerplicht only anonymously), wettelijk (leerplicht only from the threshold). Under consult and wettelijk regie stays with the school and leerplicht gets no regie, agreements or nearing notice below the threshold.",
    },
  },
  "protocol.sluiten": {
    legalStatus: "local-protocol",
    source:
      "Een werkproces sluit pas als het ongeoorloofd verzuim gestopt is (domain.md TH-16; [004 L142-144]); hoe lang is een tafelkeuze",
    keys: ["sluiten.verzuimvrij"],
    summary: {
      nl: "Sluiten terwijl het ongeoorloofd verzuim nog loopt (binnen N schooldagen) vraagt een reden.",
      en: "Closing while unauthorised absence still runs (within N school days) needs a reason.",
    },
  },
  "mdmtss.laag": {
    legalStatus: "proposal",
    source:
      "MD-MTSS (Kearney & Graczyk) zoals in de KBA-verkenning: laag 2 90–95 %, laag 3 < 90 % (domain.md §4, TH-06..08; [003 L576-582])",
    keys: ["laag.venster", "lesuren.po", "lesuren.vo", "lesuren.mbo"],
    summary: {
      nl: "Aanwezigheid over de geplande lestijd, alle verzuim meegeteld: laag 1 vanaf 95 %, laag 2 van 90 tot 95 %, laag 3 onder 90 %, ernstig onder 50 %.",
      en: "Attendance over scheduled lesson time, all absence counted: tier 1 from 95 %, tier 2 from 90 to 95 %, tier 3 below 90 %, severe below 50 %.",
    },
  },
} as const satisfies Record<string, Rule>;
export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Whether a rule is a local trigger on authorised absence, so no legal report duty (PR-05; see `Rule`). */
export const onAuthorisedAbsence = (id: RuleId): boolean => (RULES[id] as Rule).authorisedAbsence === true;

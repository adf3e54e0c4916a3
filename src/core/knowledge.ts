import type { Functie } from "./permissions.ts";

/**
 * Knowledge answers (FR-14, issue #30 item 5): who does what at a case table, the officer's powers, the MAS and the
 * school's duties, in the sources' words with their citations (domain.md §2.1, §5.2). One catalogue, read by `help`;
 * what each function may do in Tafel comes from the permissions table, never from this text.
 */
type Text = { nl: string; en: string };
export interface Entry {
  text: Text;
  source: string;
}

export const FUNCTION_KNOWLEDGE: { readonly [F in Functie]: Entry } = {
  voorzitter: {
    text: {
      nl: "Zit de tafel voor: opent en sluit het overleg, bewaakt dat elke casus een regiehouder heeft, richt de tafel in.",
      en: "Chairs the table: opens and closes meetings, sees that every case has a case lead, sets the table up.",
    },
    source: "[003 L666]",
  },
  zorgcoordinator: {
    text: {
      nl: "Zorg- of ondersteuningscoördinator van de school: houdt onder de meldgrens de begeleiding, het contact met ouders en de eerste interventies, en meldt verzuim.",
      en: "The school's care coordinator: below the threshold keeps guidance, parent contact and first interventions, and reports absence.",
    },
    source: "[003 L844, L852]; [001 L214-226]",
  },
  verzuimcoordinator: {
    text: {
      nl: "Verzuimcoördinator van de school: registreert alle verzuim, ook te laat, en meldt 16 uur ongeoorloofd verzuim in 4 lesweken bij DUO.",
      en: "The school's absence coordinator: registers all absence, lateness too, and reports 16 hours of unauthorised absence in 4 school weeks to DUO.",
    },
    source: "[004 L93-97]; [002 L213-215]",
  },
  mentor: {
    text: {
      nl: "Mentor of leraar: ziet het verzuim eerst, voert het gesprek met leerling en ouders.",
      en: "Mentor or teacher: sees the absence first, talks with pupil and parents.",
    },
    source: "[001 L196-217]",
  },
  schoolleiding: {
    text: {
      nl: "Schoolleiding: geeft het signaal zorgelijk verzuim; het bevoegd gezag legt in het verzuimbeleid vast wat zorgelijk is; beslist over verlof.",
      en: "School leadership: gives the signal of concerning absence; the board sets in its absence policy what is concerning; decides on leave.",
    },
    source: "[003 L852]",
  },
  leerplichtambtenaar: {
    text: {
      nl: "Leerplichtambtenaar (ook leerrechtconsulent of adviseur leerplicht): houdt toezicht, start een werkproces bij een melding, onderzoekt het verzuim, nodigt leerling en ouders uit, kiest een MAS-route, geeft een officiële waarschuwing, verwijst naar Halt, maakt als BOA een proces-verbaal op, behandelt vrijstellingen, houdt spreekuren en adviseert scholen.",
      en: "Compulsory-education officer: supervises, opens a case on a report, investigates, invites pupil and parents, chooses a MAS route, gives formal warnings, refers to Halt, writes a proces-verbaal as a BOA, handles exemptions, holds consultation hours and advises schools.",
    },
    source: "[004 L97-99, L201-229]; [003 L341, L1413-1419]",
  },
  "rmc-consulent": {
    text: {
      nl: "RMC-consulent (Doorstroompunt): helpt jongeren zonder startkwalificatie, nu tot 23 jaar.",
      en: "RMC officer (Doorstroompunt): helps young people without a basic qualification, now up to 23.",
    },
    source: "[002 L126-138, L274-277]",
  },
  jgz: {
    text: {
      nl: "Jeugdgezondheidszorg (jeugdarts of jeugdverpleegkundige): duidt ziekteverzuim en belastbaarheid; neemt deel aan triage en spreekuren.",
      en: "Youth health care: interprets sickness absence and capacity; takes part in triage and consultation hours.",
    },
    source: "[003 L334, L658]; [004 L246-252]",
  },
  "schoolmaatschappelijk-werk": {
    text: {
      nl: "Schoolmaatschappelijk werk: laagdrempelige steun dichtbij de school.",
      en: "School social work: low-threshold support near the school.",
    },
    source: "[003 L405, L1745]",
  },
  wijkteam: {
    text: {
      nl: "Sociaal wijkteam of jeugdteam: de toegang tot vrijwillige jeugdhulp (MAS-route 1).",
      en: "Neighbourhood or youth team: the gateway to voluntary youth help (MAS route 1).",
    },
    source: "[004 L206, L376-378]",
  },
  jeugdhulp: {
    text: {
      nl: "Jeugdhulp of GGZ: levert de hulp; wachtlijsten zijn een knelpunt.",
      en: "Youth help or mental health care: delivers the help; waiting lists are a bottleneck.",
    },
    source: "[003 L616, L1242]",
  },
  samenwerkingsverband: {
    text: {
      nl: "Samenwerkingsverband passend onderwijs: adviseert scholen, heeft leerlingen die ziek thuis zitten in beeld.",
      en: "Partnership for appropriate education: advises schools, keeps pupils at home through illness in view.",
    },
    source: "[004 L287-288]",
  },
  "veilig-thuis": {
    text: {
      nl: "Veilig Thuis: ontvangt meldingen onder de meldcode; kan hulp afdwingen.",
      en: "Veilig Thuis: receives reports under the reporting code; can enforce help.",
    },
    source: "[004 L283]; [003 L1063]",
  },
  halt: {
    text: {
      nl: "Halt: voert de Halt-straf schoolverzuim uit, vanaf 12 jaar, met toestemming van jongere en (tot 16) ouders.",
      en: "Halt: carries out the Halt sanction for school absence, from 12, with the consent of the young person and (under 16) the parents.",
    },
    source: "[004 L354-359]; [003 L1419]",
  },
  overig: {
    text: { nl: "Een andere partner aan tafel.", en: "Another partner at the table." },
    source: "[003 fn5 L333]",
  },
};

/** The MAS routes, in order of weight: compulsion only when lighter routes fail [003 L1470]. */
export const MAS_KNOWLEDGE: readonly Entry[] = [
  {
    text: {
      nl: "Gesprek: leerplicht nodigt leerling, ouders en eventueel school uit en onderzoekt de oorzaak.",
      en: "Conversation: leerplicht invites pupil, parents and possibly the school, and investigates the cause.",
    },
    source: "[004 L202-203, L225-229]",
  },
  {
    text: {
      nl: "R1 vrijwillige hulp via het wijkteam.",
      en: "R1 voluntary help through the neighbourhood team.",
    },
    source: "[004 L206]",
  },
  {
    text: {
      nl: "R2 Halt-straf schoolverzuim (12 tot 18, met toestemming).",
      en: "R2 Halt sanction for school absence (12 to 18, with consent).",
    },
    source: "[004 L207]; [003 L1419]",
  },
  {
    text: {
      nl: "R3 drang of dwang in een civiel kader: JBT via Veilig Thuis, of een verzoek aan de Raad voor de Kinderbescherming.",
      en: "R3 pressure or compulsion in a civil frame: the JBT through Veilig Thuis, or a request to the Child Protection Board.",
    },
    source: "[003 L1415]",
  },
  {
    text: {
      nl: "R4 proces-verbaal (door een BOA); het OM beslist over vervolging.",
      en: "R4 proces-verbaal (by a BOA); the public prosecutor decides.",
    },
    source: "[003 L1413]",
  },
  {
    text: {
      nl: "R5 bestuurlijke route: een last onder dwangsom van het college.",
      en: "R5 administrative route: a penalty payment order by the municipal executive.",
    },
    source: "[003 L1417, fn60 L1431]",
  },
  {
    text: {
      nl: "R6 een combinatie van routes. Daarnaast kan altijd een melding bij Veilig Thuis.",
      en: "R6 a combination of routes. A report to Veilig Thuis is always possible alongside.",
    },
    source: "[003 L538, L1063]",
  },
];

/** What a school must and may do about absence. */
export const SCHOOL_KNOWLEDGE: readonly Entry[] = [
  {
    text: {
      nl: "Alle verzuim registreren, ook te laat komen, geoorloofd verzuim en signaalverzuim.",
      en: "Register all absence, lateness, authorised absence and signal absence included.",
    },
    source: "[004 L93-97]; [002 L215-217]",
  },
  {
    text: {
      nl: "16 uur ongeoorloofd verzuim in 4 aaneengesloten lesweken melden bij DUO, bij de leerplichtambtenaar van de woongemeente.",
      en: "Report 16 hours of unauthorised absence in 4 consecutive school weeks to DUO, for the officer of the pupil's municipality.",
    },
    source: "[002 L213-215]; [004 L90-93]",
  },
  {
    text: {
      nl: "Onder de meldgrens mag de school melden (signaal zorgelijk verzuim); het verzuimbeleid zegt wat zorgelijk is.",
      en: "Below the threshold the school may report (a signal of concern); its absence policy says what is concerning.",
    },
    source: "[003 L852]",
  },
  {
    text: {
      nl: "Onder de meldgrens houdt de school de begeleiding, het contact met ouders, de eerste interventies en de regie.",
      en: "Below the threshold the school keeps the guidance, parent contact, first interventions and regie.",
    },
    source: "[003 L844]",
  },
  {
    text: {
      nl: "Ziek melden mag, maar de school is niet bevoegd en niet verplicht ziekteverzuim te melden zonder grondslag.",
      en: "Schools may report sickness, but are neither authorised nor obliged to report it without a basis.",
    },
    source: "[002 L216-218]",
  },
];

import { faker as nl } from "@faker-js/faker/locale/nl";
import { faker as pl } from "@faker-js/faker/locale/pl";
import { faker as tr } from "@faker-js/faker/locale/tr";
import { dictionary } from "@zxcvbn-ts/language-nl-be";

/**
 * Person names in a note, without an honorific. Names are hard, so this reads them the way a Dutch reader does:
 * first and last names from kept data packages (zxcvbn-ts' Dutch lists: 3,210 first names, 9,866 surnames,
 * 35,000 common words by frequency; faker's Dutch, Polish and Turkish names), Dutch surname particles, and
 * capitals where Dutch writes none. Its recall
 * and false refusals are measured on the corpus in `test/fixtures/pii/`.
 */

const lowered = (words: readonly string[]) => new Set(words.map((w) => w.toLocaleLowerCase("nl")));
/** Faker's name lists by gender (`{ female: [...], male: [...] }`), flattened. */
const all = (lists: unknown) => Object.values(lists ?? {}).flat() as string[];
/** Pupils in the Netherlands: Dutch and Flemish names, and the Polish and Turkish ones faker's locales keep. */
const LOCALES = [nl, pl, tr].map((f) => f.rawDefinitions.person);
const FIRST = lowered([
  ...dictionary.boysFirstnames,
  ...dictionary.girlsFirstnames,
  ...LOCALES.flatMap((p) => all(p?.first_name)),
]);
// `de smet`, `van den bossche`: the surname proper is the part after the particles.
const LAST = lowered(
  [...dictionary.lastnames, ...LOCALES.flatMap((p) => all(p?.last_name))].map(
    (n) => n.split(" ").at(-1) as string,
  ),
);
/** Ordinary words and well-known names of places and things: two of them in capitals are not a person. */
const COMMON = lowered([...dictionary.commonWords, ...dictionary.wikipedia]);

/** Surname particles: `de`, `van der`, `el`, `ter`, … Lower or upper case, as people write them. */
const PARTICLES = new Set(
  "de den der van von vander het 't ter ten te el al ben bin abu ait ou da di del dos du le la".split(" "),
);
/** Particles that in Dutch text only stand inside a name (`El Amrani`, `ter Horst`), unlike `de` or `van`. */
// `den` is not among them: `Den Bosch`, `Den Haag`.
const NAME_ONLY_PARTICLES = new Set("der ter ten el al ben bin abu ait ou".split(" "));

/**
 * Capitalised words in notes that are not people: roles, organisations, places of care, school words, days,
 * months, feasts, languages, systems. Only these; names are never listed by hand.
 */
const NOT_A_PERSON = new Set(
  (
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus " +
    "september oktober november december feb mrt apr aug sept okt nov dec " +
    "mentor mentoren voorzitter leerplicht leerplichtambtenaar leerplichtambtenaren zorgcoördinator zorgcoordinator " +
    "verzuimcoördinator verzuimcoordinator schoolleiding directeur directie teamleider jgz ggd jeugdarts jeugdverpleegkundige " +
    "schoolmaatschappelijk werk wijkteam jeugdteam sociaal team wijk buurtteam jeugdhulp samenwerkingsverband swv veilig " +
    "thuis halt raad kinderbescherming jeugdbescherming centrum jeugd gezin cjg rmc duo inspectie gemeente stichting " +
    "school basisschool college lyceum gymnasium mavo havo vwo vmbo mbo hbo praktijkonderwijs montessori dalton jenaplan " +
    "kerst kerstmis kerstvakantie pasen pinksteren ramadan suikerfeest offerfeest sinterklaas herfstvakantie voorjaarsvakantie " +
    "meivakantie zomervakantie nederlands engels arabisch turks pools syrisch eritrees marokkaans somalisch frans duits " +
    "wiskunde biologie teams slack magister somtoday parnassys zoom whatsapp outlook huisarts ziekenhuis kliniek " +
    "ouders moeder vader oma opa tante oom broer zus broertje zusje pleegouders voogd gezinsvoogd leerling leerlingen " +
    "casus overleg mdo triage doorbraak doorbraaktafel zorgteam ondersteuningsteam oke ok geen nog wel niet ook " +
    // Rivers name regions and municipalities (`West Maas en Waal`, `Rijnmond`); `Maas` is a first name too.
    "maas waal rijn ijssel lek linge merwede schelde noord zuid oost west"
  ).split(" "),
);
const INSTITUTION = /(?:school|college|lyceum|gymnasium|academie|centrum|huis|team|plein|kliniek)$/;
/** Dutch nouns by their endings (`Schoolweigering`, `Verzuimkaart`): a rare word, but no person. */
const THING =
  /(?:ing|heid|teit|schap|isme|tie|sie|nis|kaart|plan|traject|gesprek|verzuim|rooster|melding|dossier)$/;

/** A verb or link word that follows a person at the start of a sentence: `Sanne was weer weg`, `Jan en …`. */
const AFTER_PERSON = new Set(
  (
    "was is belde belt kwam komt heeft had zit zat gaat ging wil wilde moet moest blijft bleef werd wordt zegt zei " +
    "vertelde vertelt mailde meldde meldt spijbelt spijbelde verzuimt verzuimde mist miste woont woonde loopt liep " +
    "vindt vond voelt voelde durft kan kon mag zal zou krijgt kreeg staat stond slaapt sliep lijkt doet deed weigert " +
    "weigerde ligt lag reageert reageerde en haar zijn z'n d'r heeft's"
  ).split(" "),
);

/** Words after which a capital is a person (`moeder van Dawit`, `gesprek met Semhar`, `broertje Rajesh`). */
const BEFORE_PERSON = new Set(
  "met dat is spreekt sprak ziet zag belt belde bel mail heeft broertje zusje broer zus neef nicht".split(
    " ",
  ),
);
/** `van` makes the next capital a person only after kin or a role: `vader van Henk`, not `uit West Maas en Waal`. */
const KIN = new Set(
  (
    "moeder vader oma opa tante oom broer zus broertje zusje ouders ouder voogd gezinsvoogd mentor juf meester " +
    "vriend vriendin klasgenoot stiefvader stiefmoeder pleegmoeder pleegvader"
  ).split(" "),
);

interface Word {
  lower: string;
  capital: boolean;
  /** First word of a sentence (or of the text, a quote, a line): a capital there says nothing. */
  initial: boolean;
  /** Joined to the next word by spaces only, so the two can form one name. */
  joined: boolean;
  /** `@piet`: a member's handle, which is how a note names a member. */
  handle: boolean;
  /** `Sanne, de zus van …`: a comma right after it. */
  comma: boolean;
}

const WORD = /[\p{L}][\p{L}'’-]*/gu;
// `Sanne`, `Al-Masri`, `O'Neill`: a capital, then lower case, in parts joined by a hyphen.
const CAPITAL = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u;

function words(text: string): Word[] {
  const found = [...text.matchAll(WORD)];
  return found.map((m, i) => {
    const at = m.index ?? 0;
    const prev = found[i - 1];
    const gap = prev ? text.slice((prev.index ?? 0) + prev[0].length, at) : "";
    const next = found[i + 1];
    const after = next ? text.slice(at + m[0].length, next.index) : "";
    return {
      lower: m[0].toLocaleLowerCase("nl"),
      capital: CAPITAL.test(m[0]),
      initial: !prev || /[.!?:;\n"“”(]/.test(gap),
      joined: /^ +$/.test(after),
      handle: gap.endsWith("@"),
      comma: /^\s*,/.test(after),
    };
  });
}

/** A capital that can be part of a name: no role, organisation or institution. */
const named = (x: Word | undefined): boolean =>
  x?.capital === true && !NOT_A_PERSON.has(x.lower) && !INSTITUTION.test(x.lower);

/**
 * A word Dutch knows: common, an institution or a thing. A hyphenated compound (`Proces-verbaal`, `Zorg-Advies`) is
 * known when each part is, so a compound of ordinary words never passes for an unknown name (`Al-Masri` still does).
 */
const known = (lower: string): boolean =>
  COMMON.has(lower) ||
  INSTITUTION.test(lower) ||
  THING.test(lower) ||
  (lower.includes("-") &&
    lower.split("-").every((part) => part.length > 0 && (COMMON.has(part) || THING.test(part))));

/** `people`: the table's member names (lower case), which a note may not carry either. */
export function hasPersonName(text: string, people: ReadonlySet<string> = new Set()): boolean {
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Word;
    if (!w.capital || w.handle || NOT_A_PERSON.has(w.lower) || PARTICLES.has(w.lower)) continue;
    if (people.has(w.lower)) return true;
    const next = w.joined ? ws[i + 1] : undefined;
    // `Jan de Vries`, `Fatima El Amrani`, `Karin van der Berg`: a capital, particles, a capital.
    let j = i + 1;
    let strong = false;
    while (ws[j - 1]?.joined && PARTICLES.has((ws[j] as Word).lower)) {
      strong ||= NAME_ONLY_PARTICLES.has((ws[j] as Word).lower);
      j++;
    }
    const surname = j > i + 1 && ws[j - 1]?.joined ? ws[j] : undefined;
    if (named(surname) && (strong || FIRST.has(w.lower) || LAST.has((surname as Word).lower))) return true;
    if (FIRST.has(w.lower)) {
      // Inside a sentence a capital is a name; at its start only with a surname or a verb after it.
      if (!w.initial || w.comma || named(next) || (next !== undefined && AFTER_PERSON.has(next.lower)))
        return true;
    }
    const unknown = !known(w.lower);
    if (w.initial) {
      // `Dawit was weer afwezig`, `Semhar, de oudste`: a word no list knows, at the start, acting as a person.
      if (unknown && (w.comma || (next !== undefined && AFTER_PERSON.has(next.lower)))) return true;
      // `Hodan Warsame heeft …`: two capitals at the start, acting as a person.
      const acts = next?.comma === true || AFTER_PERSON.has(ws[i + 2]?.lower ?? "");
      if (named(next) && !THING.test(w.lower) && acts) return true;
      continue;
    }
    const before = ws[i - 1] as Word;
    // After `met`, `dat`, `moeder van`: a capital there is a person, unless it is an institution or a thing.
    if (BEFORE_PERSON.has(before.lower) || (before.lower === "van" && KIN.has(ws[i - 2]?.lower ?? "")))
      if (!INSTITUTION.test(w.lower) && !THING.test(w.lower)) return true;
    // `met Merhawi Tesfay`: two capitals in a row that are no ordinary words and no institution.
    if (named(next) && unknown && !COMMON.has((next as Word).lower)) return true;
  }
  return false;
}

import actie from "./list/actie.ts";
import advies from "./list/advies.ts";
import audit from "./list/audit.ts";
import beleid from "./list/beleid.ts";
import besluit from "./list/besluit.ts";
import besluitIntrekken from "./list/besluit-intrekken.ts";
import bewaren from "./list/bewaren.ts";
import casus from "./list/casus.ts";
import casussen from "./list/casussen.ts";
import cijfers from "./list/cijfers.ts";
import consult from "./list/consult.ts";
import dashboard from "./list/dashboard.ts";
import doorbraak from "./list/doorbraak.ts";
import evaluatie from "./list/evaluatie.ts";
import exportCommand from "./list/export.ts";
import gemeld from "./list/gemeld.ts";
import help from "./list/help.ts";
import heropen from "./list/heropen.ts";
import herzien from "./list/herzien.ts";
import interventie from "./list/interventie.ts";
import ja from "./list/ja.ts";
import klaar from "./list/klaar.ts";
import leden from "./list/leden.ts";
import leerling from "./list/leerling.ts";
import lid from "./list/lid.ts";
import lidAf from "./list/lid-af.ts";
import mdo from "./list/mdo.ts";
import mijn from "./list/mijn.ts";
import nee from "./list/nee.ts";
import nieuwkomer from "./list/nieuwkomer.ts";
import omUitkomst from "./list/om-uitkomst.ts";
import onderzoek from "./list/onderzoek.ts";
import overleg from "./list/overleg.ts";
import preventief from "./list/preventief.ts";
import rapport from "./list/rapport.ts";
import regie from "./list/regie.ts";
import regio from "./list/regio.ts";
import school from "./list/school.ts";
import setup from "./list/setup.ts";
import signaal from "./list/signaal.ts";
import signaalIntrekken from "./list/signaal-intrekken.ts";
import sluit from "./list/sluit.ts";
import spreekuur from "./list/spreekuur.ts";
import spreekuurBoeken from "./list/spreekuur-boeken.ts";
import systeemsignaal from "./list/systeemsignaal.ts";
import thuisZiek from "./list/thuis-ziek.ts";
import triage from "./list/triage.ts";
import uitstel from "./list/uitstel.ts";
import vakantie from "./list/vakantie.ts";
import vastgelopen from "./list/vastgelopen.ts";
import vervalt from "./list/vervalt.ts";
import volgen from "./list/volgen.ts";
import vrijeDag from "./list/vrije-dag.ts";
import vrijstelling from "./list/vrijstelling.ts";
import wijzig from "./list/wijzig.ts";
import zoek from "./list/zoek.ts";
import type { Command } from "./types.ts";

/** Every command, in the order help lists them; manifests and forms are generated from this list. */
export const COMMANDS: readonly Command[] = [
  signaal,
  signaalIntrekken,
  casus,
  zoek,
  casussen,
  regie,
  actie,
  klaar,
  vervalt,
  uitstel,
  wijzig,
  evaluatie,
  besluit,
  besluitIntrekken,
  onderzoek,
  triage,
  spreekuur,
  spreekuurBoeken,
  gemeld,
  vrijstelling,
  interventie,
  omUitkomst,
  sluit,
  heropen,
  volgen,
  herzien,
  vastgelopen,
  doorbraak,
  thuisZiek,
  overleg,
  mdo,
  consult,
  nieuwkomer,
  leerling,
  mijn,
  setup,
  lid,
  lidAf,
  leden,
  beleid,
  regio,
  vakantie,
  vrijeDag,
  bewaren,
  rapport,
  school,
  cijfers,
  dashboard,
  advies,
  systeemsignaal,
  preventief,
  exportCommand,
  audit,
  ja,
  nee,
  help,
];

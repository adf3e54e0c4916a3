import actie from "./list/actie.ts";
import audit from "./list/audit.ts";
import besluit from "./list/besluit.ts";
import casus from "./list/casus.ts";
import casussen from "./list/casussen.ts";
import consult from "./list/consult.ts";
import exportCommand from "./list/export.ts";
import help from "./list/help.ts";
import heropen from "./list/heropen.ts";
import klaar from "./list/klaar.ts";
import leden from "./list/leden.ts";
import lid from "./list/lid.ts";
import lidAf from "./list/lid-af.ts";
import mijn from "./list/mijn.ts";
import regie from "./list/regie.ts";
import setup from "./list/setup.ts";
import signaal from "./list/signaal.ts";
import sluit from "./list/sluit.ts";
import vervalt from "./list/vervalt.ts";
import volgen from "./list/volgen.ts";
import type { Command } from "./types.ts";

/** Every command, in the order help lists them; manifests and forms are generated from this list. */
export const COMMANDS: readonly Command[] = [
  signaal,
  casus,
  casussen,
  regie,
  actie,
  klaar,
  vervalt,
  besluit,
  sluit,
  heropen,
  volgen,
  consult,
  mijn,
  setup,
  lid,
  lidAf,
  leden,
  exportCommand,
  audit,
  help,
];

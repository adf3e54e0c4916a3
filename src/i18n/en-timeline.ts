import type { nlTimeline } from "./nl-timeline.ts";

/** The case's timeline (`casus C-n`), in English. */
export const enTimeline: Record<keyof typeof nlTimeline, string> = {
  "tl.title": "Timeline (newest first)",
  "tl.title.last": "Timeline (last {n}, newest first)",
  "tl.more": "{n} more before: type casus {id} tijdlijn.",
  "tl.line": "{date} · {text}",
  "tl.signaal": "Signal {id}: {what} {span} (@{by})",
  "tl.signaal-ingetrokken": "Signal {id} withdrawn",
  "tl.regie": "Regie to @{holder} (by @{by})",
  "tl.regie.los": "Regie released (by @{by})",
  "tl.afspraak": "Agreement {id} with @{owner}, due {due}: {text}",
  "tl.afspraak.done": "Agreement {id} done (@{by})",
  "tl.afspraak.cancelled": "Agreement {id} cancelled (@{by})",
  "tl.besluit": "Decision {id} (@{by}): {text}",
  "tl.interventie": "Step {kind} on {date} (@{by})",
  "tl.overleg": "Discussed in meeting {id}",
  "tl.casus.geopend": "Case opened (@{by})",
  "tl.casus.gesloten": "Case closed: {outcome} (@{by})",
  "tl.casus.heropend": "Case reopened (@{by})",
  "tl.casus.gevolgd": "Case put on monitoring (@{by})",
  "tl.casus.grondslag": "Legal basis: {basis}",
  "tl.casus.nieuwkomer": "Newcomer, enrolled on {date} (@{by})",
  "tl.casus.herzien": "Review agreed for {date} (@{by})",
  "tl.casus.meldplichtig": "Reporting threshold reached: the school reports the absence to DUO",
  "tl.casus.opgeschoond": "Personal data removed after the retention period",
  "tl.afspraak.uitgesteld": "Agreement {id} postponed from {from} to {to} (@{by})",
};

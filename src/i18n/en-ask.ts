import type { nlAsk } from "./nl-ask.ts";

/** Questions before a destructive step or a likely duplicate, in English. */
export const enAsk: Record<keyof typeof nlAsk, string> = {
  "ask.doorgaan": "Go ahead? Yes or no.",
  "ask.ja": "Yes, go ahead",
  "ask.nee": "No",
  "ask.interventie.preventief":
    "Case {case}: every signal was gathered in the preventive phase, below the threshold or under consent or a consult: {signals}. Whether that information may be used for enforcement ({kind}) is an open legal question [003 L921], and the region has not recorded an answer to it.",
  "ask.sluit":
    "You are closing case {case} with outcome “{outcome}” (signals: {signals}{regie}). It then leaves the agenda and its retention period starts; reopen it with heropen {case}.",
  "ask.sluit.regie": "; regie: @{holder}",
  "ask.lid-af":
    "You are removing @{handle} ({role}) from the table: @{handle} gets no more messages and can record nothing. What @{handle} recorded stays.",
  "ask.lid-af.zelf":
    "You are removing yourself ({role}) from the table: you get no more messages and can record nothing. What you recorded stays.",
  "ask.signaal-intrekken":
    "You are withdrawing signal {signal}: {what} {when} on {case}, raised by @{by}. The count towards the threshold goes from {before} to {after} hours ({status}). The signal stays in the history.",
  "ask.besluit-intrekken":
    "You are withdrawing decision {decision} on {case} of {on}: “{text}”. It stays in the history, with your reason.",
  "ask.dubbel-signaal":
    "{case} already has signal {signal} from @{by}: {what} {when}. If this is other absence, it is added.",
  "ask.dubbele-afspraak":
    "{case} already has open agreement {action} with @{owner}, due {due}: “{text}”. Make another with the same text?",
  "reply.nee": "Nothing done: nothing was recorded.",
  "reply.ja": "No question is waiting. Choose Yes under Tafel's question, or add bevestigd=ja to the line.",
};

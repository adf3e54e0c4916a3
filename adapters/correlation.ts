import { randomUUID } from "node:crypto";

/**
 * An opaque id per invocation for the log and the "ref" a person reports; never a platform id such as Slack's
 * trigger_id, which grants a short-lived capability (opening a modal) to whoever reads the log.
 */
export const correlationId = () => randomUUID().slice(0, 8);

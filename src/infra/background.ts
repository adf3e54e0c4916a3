import type { Logger } from "../ports.ts";

/**
 * Work that must not hold up a command's answer (re-evaluating every case after a policy change) runs here, one
 * task at a time; a failure is logged by code and never reaches the person who typed the command.
 */
export function backgroundQueue(logger: Logger) {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(name: string, task: () => Promise<void>) {
      tail = tail
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(task)
        .catch((e: unknown) => logger.error("background-failed", { task: name, code: (e as Error).name }));
    },
    /** Resolves when everything queued so far has run (scripts and tests wait on it). */
    idle: () => tail,
  };
}
export type Background = ReturnType<typeof backgroundQueue>;

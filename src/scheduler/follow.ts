import type { CaseChange, Clock, Logger, Store } from "../ports.ts";
import type { Scheduler } from "./scheduler.ts";

/**
 * Ticks a table right after a command changed it, on the instance that made the change (issue #32). A change makes
 * its table due; left to the next minute, its job goes to whichever instance fetches it, and a minute of commands
 * became a burst of whole-table loads that held up the commands arriving with it. Ticked here, the table settles and
 * the minute passes it by. The ticks run one at a time, each after the command that set it off, and a change about
 * one case weighs only that case (`followCase`). Changes to a table that waits for its tick share it, whole; a tick
 * that fails is logged, and the table stays due for the minute.
 */
export function followChanges(deps: { store: Store; scheduler: Scheduler; clock: Clock; logger: Logger }) {
  /** Each table waiting for its tick, and the case its change was about, if it was one change about one case. */
  const waiting = new Map<string, CaseChange | null>();
  let running: Promise<void> | null = null;
  const run = async () => {
    // After the command's answer: the tick queues behind the change on the table, never before its reply.
    await new Promise((resolve) => setImmediate(resolve));
    // A Map's loop also visits the tables added while it runs.
    for (const [tableId, change] of waiting) {
      waiting.delete(tableId);
      const at = deps.clock.now();
      await (change
        ? deps.scheduler.followCase(tableId, change, at)
        : deps.scheduler.tickTable(tableId, at)
      ).catch((e: Error) => deps.logger.error("follow-tick-failed", { table: tableId, code: e.name }));
    }
  };
  const start = () => {
    running = run().finally(() => {
      running = null;
      if (waiting.size > 0) start();
    });
  };
  deps.store.onChanged?.((tableId, change) => {
    // A second change before the tick: the first one left the table due, so it is weighed whole.
    waiting.set(tableId, waiting.has(tableId) ? null : (change ?? null));
    if (!running) start();
  });
  return {
    /** Until the ticks of the changes made so far are done (a stopping instance, a test). */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
export type Follower = ReturnType<typeof followChanges>;

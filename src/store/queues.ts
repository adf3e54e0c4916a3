/**
 * Work run one at a time per key (a table, the index), in the order it came. A key whose work is done keeps no
 * entry: an entry kept would hold the last work's result, and a read's result is the whole table, so every table
 * an instance ever read stayed in its memory, past any cache's budget (issue #32).
 */
export class KeyedQueues {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (this.tails.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Until the work queued now is done. */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}

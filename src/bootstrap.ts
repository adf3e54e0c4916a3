import { makeUseCases } from "./app/index.ts";
import type { Config } from "./config.ts";
import { hmacPseudonymizer, loadPupilKey } from "./infra/pseudonymizer.ts";
import type { Clock, Logger, Store } from "./ports.ts";
import { openFileStore, openMemoryStore } from "./store/lowdb/store.ts";

export type Services = Awaited<ReturnType<typeof wire>>;

/** Wires the store, the key and the use cases; shared by every entry point. `dataDir` null: in memory. */
export async function createServices(
  config: Config,
  opts: { dataDir: string | null; clock: Clock; logger: Logger },
): Promise<Services> {
  const store =
    opts.dataDir === null
      ? await openMemoryStore()
      : await openFileStore(opts.dataDir, { now: () => opts.clock.now() });
  try {
    const key = await loadPupilKey(opts.dataDir, config.TAFEL_PUPIL_KEY);
    return wire(store, key, config, opts);
  } catch (e) {
    await store.close();
    throw e;
  }
}

function wire(store: Store, key: Buffer, config: Config, opts: { clock: Clock; logger: Logger }) {
  const use = makeUseCases({ store, clock: opts.clock, pseudonymizer: hmacPseudonymizer(key) });
  return { use, store, clock: opts.clock, logger: opts.logger, defaultLanguage: config.TAFEL_LANGUAGE };
}

import { createServer, type Server, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres/store.ts";
import { harness, quietLogger, text } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TCP hop in front of PostgreSQL that a test can cut and restore: the database as the network sees it. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      const listening = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server = listening;
      listening.listen(port, "127.0.0.1", () => {
        port = (listening.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => {
      const u = new URL(target.href);
      u.host = `127.0.0.1:${port}`;
      return u.href;
    },
    /** Every connection dropped and no new one taken: what a stopped database looks like to a client. */
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server?.close(() => resolve());
      }),
    restore: listen,
  };
}

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL outage", () => {
  it("answers every command privately that nothing was saved, reports not ready, and serves again when it returns", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const proxy = await cuttableProxy(new URL(TEST_DATABASE_URL as string));
    const store = await openPostgresStore(proxy.url(), { schema: schema.name, max: 2 });
    cleanups.push(() => store.close().catch(() => undefined));
    const h = await harness({ store });
    await h.say("anna", "setup Triage regio=midden");
    await h.say("anna", "lid @joost school");
    expect(text(await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag"))).toContain("Signaal S-1");
    expect(await store.ready()).toBe(true);

    await proxy.cut();
    quietLogger.events.length = 0;
    for (const line of [
      "signaal 2345678 ongeoorloofd 2 vrijdag",
      "casussen",
      'besluit C-1 "Gesprek"',
      "help",
    ]) {
      const out = await h.say("joost", line);
      expect(out.reply.visibility).toBe("private");
      expect(out.reply.error?.code).toBe("opslag-onbereikbaar");
      expect(text(out)).toContain("Tafel kan de gegevens nu niet bereiken; er is niets opgeslagen");
      expect(out.posts).toEqual([]);
    }
    expect(quietLogger.events).toContain("store-unreachable");
    expect(await store.ready()).toBe(false);

    await proxy.restore();
    expect(await store.ready()).toBe(true);
    expect(text(await h.say("joost", "signaal 2345678 ongeoorloofd 2 donderdag"))).toContain("Signaal S-2");
    expect((await store.read("console")).cases[0]?.signals.map((s) => s.id)).toEqual(["S-1", "S-2"]);
  });
});

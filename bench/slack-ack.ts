/**
 * B1: acknowledgement latency of signed `/tafel` slash commands at 20 per second against Bolt's HTTP receiver, on
 * a 100-case and a 2,000-case table (about 40,000 signals) in one deployment on the durable file store; with the
 * event-loop delay while it runs. B5: the process's RSS afterwards.
 * Budgets (DESIGN.md §9): p99 ≤ 300 ms at the largest table; its p99 ≤ 1.5 × the 100-case table's.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { HttpResponse, http, passthrough } from "msw";
import { setupServer } from "msw/node";
import { createSlackApp } from "../adapters/slack/app.ts";
import { openFileStore } from "../src/store/lowdb/store.ts";
import { sign, slashBody } from "../test/support/slack.ts";
import { generateTable, MEMBER_IDS } from "./generate.ts";
import { benchUseCases, commandMix, percentile, type Row } from "./support.ts";

const RATE = 20;
const REQUESTS = 200;
const silent = { info() {}, error() {} };

export async function runAckBench(): Promise<Row[]> {
  const api = setupServer(
    http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
    http.post("https://slack.com/api/:method", () =>
      HttpResponse.json({ ok: true, user_id: "UBOT", bot_id: "BBOT", ts: "1.0" }),
    ),
  );
  api.listen({ onUnhandledFrame: "error" } as never);
  const dir = await mkdtemp(join(tmpdir(), "tafel-bench-"));
  const store = await openFileStore(dir);
  for (const cases of [100, 2000])
    await store.create(
      generateTable({ id: `t${cases}`, conversation: `slack:T1:C${cases}`, cases, seed: cases }),
    );
  const deps = benchUseCases(store);
  const slack = createSlackApp({
    config: { signingSecret: "test-signing-secret", botToken: "xoxb-bench", appToken: undefined, port: 0 },
    dispatch: deps,
    store,
    logger: silent,
  });
  const url = `http://127.0.0.1:${await slack.start()}/slack/events`;
  const send = async (cases: number, text: string) => {
    const body = slashBody("U2", text, `C${cases}`).replace("user_id=U2", `user_id=${MEMBER_IDS[1]}`);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...sign(body) },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  // Warm-up, not counted: the first table measured would otherwise pay for the JIT.
  for (const cases of [100, 2000]) for (let i = 0; i < 40; i++) await send(cases, `casus C-${1 + i}`);
  const results: Record<number, { p50: number; p99: number; p999: number; loop: number; errors: number }> =
    {};
  for (const cases of [100, 2000]) {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        await new Promise((r) => setTimeout(r, Math.max(0, started + (i * 1000) / RATE - performance.now())));
        const t0 = performance.now();
        const res = await send(cases, commandMix(i, cases));
        latencies.push(performance.now() - t0);
        if (res.status !== 200 || res.text.includes("Er ging iets mis")) errors++;
      }),
    );
    loop.disable();
    results[cases] = {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      p999: percentile(latencies, 99.9),
      loop: loop.percentile(99) / 1e6,
      errors,
    };
  }
  const rss = process.memoryUsage().rss / 2 ** 20;
  await slack.stop();
  await store.close();
  api.close();
  await rm(dir, { recursive: true, force: true });
  const small = results[100] as (typeof results)[number];
  const large = results[2000] as (typeof results)[number];
  const row = (cases: number, r: typeof small): Row[] => [
    {
      id: `B1.${cases}.p50`,
      what: `ack latency, ${cases}-case table, ${REQUESTS} commands at ${RATE}/s`,
      value: r.p50,
      unit: "ms",
      budget: "",
      ok: true,
    },
    {
      id: `B1.${cases}.p99`,
      what: `… p99 (${r.errors} errors)`,
      value: r.p99,
      unit: "ms",
      budget: "≤ 300 ms",
      ok: r.p99 <= 300 && r.errors === 0,
    },
    { id: `B1.${cases}.p99.9`, what: "… p99.9", value: r.p999, unit: "ms", budget: "", ok: true },
    {
      id: `B1.${cases}.loop`,
      what: "… event-loop delay p99",
      value: r.loop,
      unit: "ms",
      budget: "",
      ok: true,
    },
  ];
  return [
    ...row(100, small),
    ...row(2000, large),
    {
      id: "B1.ratio",
      what: "p99 at 2,000 cases ÷ p99 at 100 cases",
      value: large.p99 / small.p99,
      unit: "×",
      budget: "≤ 1.5×",
      ok: large.p99 / small.p99 <= 1.5,
    },
    {
      id: "B5.rss",
      what: "resident memory after B1 (both tables loaded)",
      value: rss,
      unit: "MiB",
      budget: "",
      ok: true,
    },
  ];
}

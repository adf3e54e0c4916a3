import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The operator's figures (issue #32 item 3), in Prometheus format on `/metrics` of the HTTP port: commands by name
 * and outcome, their latency, what the scheduler sends and owes, and the process (heap, RSS, event-loop delay) by
 * prom-client's own collectors. Labels carry command names and outcomes only: never a pupil, a table or a person.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const commandsTotal = new Counter({
  name: "tafel_commands_total",
  help: "Commands handled, by command and outcome (ok, gevraagd, geweigerd, fout)",
  labelNames: ["command", "outcome"] as const,
  registers: [registry],
});

export const commandSeconds = new Histogram({
  name: "tafel_command_seconds",
  help: "Time from a command line to its answer, by command",
  labelNames: ["command"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const ackSeconds = new Histogram({
  name: "tafel_ack_seconds",
  help: "Time from a platform's request to Tafel's HTTP answer, by platform (Slack's budget is 3 s)",
  labelNames: ["platform"] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
  registers: [registry],
});

/** Times every request of a platform's path on an HTTP server, from its arrival to the last byte of the answer. */
export function timeAcks(
  server: { on(event: "request", listener: (req: IncomingMessage, res: ServerResponse) => void): unknown },
  platform: "slack" | "teams",
  path: string,
) {
  server.on("request", (req, res) => {
    if (!req.url?.startsWith(path)) return;
    const end = ackSeconds.startTimer({ platform });
    res.once("finish", () => end());
  });
}

export const sendsTotal = new Counter({
  name: "tafel_sends_total",
  help: "Messages the scheduler sent from the outbox, by result (sent, retry, failed)",
  labelNames: ["result"] as const,
  registers: [registry],
});

export const outboxDepth = new Gauge({
  name: "tafel_outbox_depth",
  help: "Messages owed in the outboxes of the tables this instance ticked, as each tick found them",
  registers: [registry],
});

export const outboxAge = new Gauge({
  name: "tafel_outbox_oldest_seconds",
  help: "Age of the oldest message owed in those outboxes, 0 when none",
  registers: [registry],
});

export const platformSends = new Counter({
  name: "tafel_platform_sends_total",
  help: "Messages sent to a platform (Slack, Teams), by result: ok, 429, 5xx, 4xx or fout (no answer)",
  labelNames: ["platform", "result"] as const,
  registers: [registry],
});

/** The result of one send as the operator's alert reads it: the HTTP status class, never the error's text. */
export function sendResult(error: unknown): "ok" | "429" | "5xx" | "4xx" | "fout" {
  if (error === null) return "ok";
  const e = error as { statusCode?: unknown; code?: unknown; response?: { status?: unknown } } | undefined;
  if (e?.code === "slack_webapi_rate_limited_error") return "429";
  // Slack's WebClient answers ok:false with a 200 (platform error): Slack refused it.
  if (e?.code === "slack_webapi_platform_error") return "4xx";
  const status = Number(e?.statusCode ?? e?.response?.status);
  return status === 429 ? "429" : status >= 500 ? "5xx" : status >= 400 ? "4xx" : "fout";
}

/** Counts a platform call by its result, passing its value or error on. */
export async function counted<T>(platform: "slack" | "teams", call: Promise<T>): Promise<T> {
  try {
    const value = await call;
    platformSends.inc({ platform, result: "ok" });
    return value;
  } catch (e) {
    platformSends.inc({ platform, result: sendResult(e) });
    throw e;
  }
}

export const jobsTotal = new Counter({
  name: "tafel_jobs_total",
  help: "Table jobs of the PostgreSQL job queue this instance ran, by result (completed, failed)",
  labelNames: ["result"] as const,
  registers: [registry],
});

/**
 * Gauges read from their source when scraped, one a field: registered anew when a store or queue starts again in
 * the same process (tests start several), so the newest source is the one read.
 */
function scraped<S extends Record<string, number>>(
  read: () => S | Promise<S>,
  gauges: ReadonlyArray<readonly [name: string, help: string, field: keyof S]>,
) {
  for (const [name, help, field] of gauges) {
    registry.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set((await read())[field] as number);
      },
    });
  }
}

/** The job queue's depth (PostgreSQL): queued and running table jobs, read from pg-boss; -1 when it did not answer. */
export function watchJobs(depth: () => Promise<{ queued: number; active: number }>) {
  scraped(
    () => depth().catch(() => ({ queued: -1, active: -1 })),
    [
      ["tafel_jobs_queued", "Table jobs waiting in the queue", "queued"],
      ["tafel_jobs_active", "Table jobs running on any instance", "active"],
    ],
  );
}

/** The table cache of a PostgreSQL instance (issue #32): read from the store when scraped. */
export function watchCache(
  stats: () => { tables: number; bytes: number; evictions: number; loads: number; views: number },
) {
  scraped(stats, [
    ["tafel_cache_tables", "Tables this instance holds in memory", "tables"],
    ["tafel_cache_bytes", "Stored bytes of the tables held (the cache's budget measure)", "bytes"],
    ["tafel_cache_evictions", "Tables let go to stay within TAFEL_CACHE_MB since the start", "evictions"],
    ["tafel_table_loads", "Tables read whole from the database since the start", "loads"],
    ["tafel_case_views", "Commands about one case that read just its rows, since the start", "views"],
  ]);
}

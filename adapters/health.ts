import type { IncomingMessage, ServerResponse } from "node:http";
import { registry } from "../src/infra/metrics.ts";
import type { Store } from "../src/ports.ts";

/**
 * For a load balancer: `/healthz` says the process serves (liveness), `/readyz` that its store answers
 * (readiness), so an instance that lost its database is taken out of rotation and back in when it returns;
 * `/metrics` gives the operator's figures in Prometheus format (src/infra/metrics.ts).
 */
export function healthRoutes(store: Store) {
  const answer = (res: ServerResponse, ok: boolean) => {
    res.writeHead(ok ? 200 : 503, { "content-type": "text/plain; charset=utf-8" });
    res.end(ok ? "ok" : "store unreachable");
  };
  return [
    {
      path: "/healthz",
      method: "GET",
      handler: (_: IncomingMessage, res: ServerResponse) => answer(res, true),
    },
    {
      path: "/readyz",
      method: "GET",
      handler: async (_: IncomingMessage, res: ServerResponse) => answer(res, await store.ready()),
    },
    {
      path: "/metrics",
      method: "GET",
      handler: async (_: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200, { "content-type": registry.contentType });
        res.end(await registry.metrics());
      },
    },
  ];
}

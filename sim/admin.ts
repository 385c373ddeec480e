// Control API (plain HTTP, bound to 127.0.0.1 by the caller): stations, fault injection,
// counters, the notification log, cancel and reset, plus a small status page at "/".
// Not part of D1: it stands in for the Agent's and the operator's side (§12).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { handleDrillForm, isDrillRoute } from "./admin-forms";
import { renderControlPage, type Notice } from "./admin-page";
import {
  addStationFault,
  clearAllFaults,
  clearNotificationFaults,
  removeOrderFault,
  removeStationFault,
  stationFaultSchema,
} from "./controls";
import type { SimulatorCore } from "./core";
import { notificationFaultsSchema, orderFaultSchema, repeatedOrdersSchema } from "./faults";
import { HttpError, parseJson, readBody, sendError, sendJson } from "./http-util";
import { stateSchema, stationConfigSchema, stationView, stockSchema, timingsSchema, type Station } from "./stations";
import type { Order } from "./orders";

const stationUpdateSchema = z
  .object({
    branchCode: z.string().min(1).max(32),
    state: stateSchema,
    stock: stockSchema.nullable(),
    timings: timingsSchema,
    manual: z.boolean(),
  })
  .partial()
  .strict();
const reportSchema = z
  .object({
    step: z.enum(["ready", "done", "jam", "chipWriteFail", "outOfStock", "offline", "stationError", "dataException"]),
  })
  .strict();

async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const raw = await readBody(req);
  const result = schema.safeParse(raw.length === 0 ? {} : parseJson(raw));
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new HttpError(400, undefined, `invalid body: ${detail}`);
  }
  return result.data;
}

export function orderView(o: Order) {
  return {
    cardId: o.cardId,
    operationId: o.operationId,
    issuerRequestId: o.issuerRequestId,
    persoStation: o.persoStation,
    cardProductId: o.cardProductId,
    acceptedAt: o.acceptedAt,
    history: [...o.history],
    latest: o.latest,
  };
}

/** A fault's position in its list, from the path. */
function index(segment: string): number {
  if (!/^\d{1,6}$/.test(segment)) throw new HttpError(400, undefined, `not a fault index: ${segment}`);
  return Number(segment);
}

const isLoopback = (h: string) => h === "127.0.0.1" || h === "localhost" || h === "[::1]";

/**
 * Loopback is not enough on its own: any page in the developer's browser (another local app
 * included) could post here (CSRF) or reach it through DNS rebinding. So the Host must be a
 * loopback name, an Origin (browsers send one on every cross-origin request) must be this very
 * origin, and a body must be JSON: a cross-origin page cannot send that type without a CORS
 * preflight, which this API never answers.
 */
export function refusal(req: IncomingMessage): HttpError | null {
  // The page's own forms (admin-forms.ts) post form bodies and carry a per-process token instead.
  const json = !isDrillRoute(req);
  const host = req.headers.host ?? "";
  if (!isLoopback(host.replace(/:\d+$/, "")))
    return new HttpError(403, undefined, "control API accepts loopback callers only");
  const origin = req.headers.origin;
  if (origin !== undefined && URL.parse(origin)?.host !== host) {
    return new HttpError(403, undefined, "control API accepts requests from its own page only");
  }
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const expected = json ? "application/json" : "application/x-www-form-urlencoded";
  if ((hasBody || !json) && type !== expected) return new HttpError(415, undefined, `send the body as ${expected}`);
  return null;
}

export function startAdminServer(core: SimulatorCore): Server {
  // The control page's CSRF token: new for every process, only readable by a same-origin page.
  const csrfToken = randomBytes(24).toString("base64url");
  const page = (notice?: Notice) =>
    renderControlPage({
      csrfToken,
      stations: core.stations.list().map(stationView),
      orderFaults: core.orderFaults.list(),
      notificationFaults: { ...core.notifier.faults },
      orders: recentOrders().slice(0, 30),
      notifications: core.notifier.events.slice(-30).reverse(),
      ...(notice ? { notice } : {}),
    });
  const station = (id: string): Station => {
    const found = core.stations.get(decodeURIComponent(id));
    if (!found) throw new HttpError(404, undefined, `no station ${id}`);
    return found;
  };
  const order = (cardId: string): Order => {
    const found = core.orders.get(decodeURIComponent(cardId));
    if (!found) throw new HttpError(404, undefined, `no order for card ${cardId}`);
    return found;
  };
  const recentOrders = () => [...core.orders.orders.values()].reverse().map(orderView);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://admin.invalid");
    const key = `${req.method ?? "GET"} ${url.pathname}`;
    const parts = url.pathname.split("/").filter(Boolean);
    const [first, id, sub] = parts;

    if (key === "GET /") {
      const done = url.searchParams.get("done");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(page(done ? { kind: "done", action: done } : undefined));
      return;
    }
    if (isDrillRoute(req)) return handleDrillForm(core, req, res, { csrfToken, page });
    if (key === "GET /health") return sendJson(res, 200, { ok: true, issuerId: core.issuerId });
    if (key === "POST /reset") {
      core.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (key === "GET /counters") {
      const { counters } = core.orders;
      return sendJson(res, 200, {
        ...counters,
        notifications: core.notifier.stats,
        issuerTokenFetches: core.notifier.tokens?.fetches ?? 0,
      });
    }
    if (key === "GET /notifications") {
      const since = Number(url.searchParams.get("since") ?? "0");
      return sendJson(res, 200, { events: core.notifier.events.filter((e) => e.seq > since) });
    }
    if (key === "GET /faults")
      return sendJson(res, 200, {
        orders: core.orderFaults.list(),
        notifications: core.notifier.faults,
        repeatedOrders: core.repeatedOrders,
      });
    if (key === "POST /faults/repeated-orders") {
      core.repeatedOrders.mode = (await body(req, repeatedOrdersSchema)).mode;
      return sendJson(res, 200, { repeatedOrders: core.repeatedOrders });
    }
    if (key === "POST /faults/orders") {
      core.orderFaults.add(await body(req, orderFaultSchema));
      return sendJson(res, 201, { orders: core.orderFaults.list() });
    }
    if (key === "DELETE /faults/orders") {
      core.orderFaults.clear();
      return sendJson(res, 200, { orders: [] });
    }
    if (key === "POST /faults/notifications") {
      Object.assign(core.notifier.faults, await body(req, notificationFaultsSchema));
      return sendJson(res, 200, { notifications: core.notifier.faults });
    }
    if (key === "DELETE /faults/notifications") {
      clearNotificationFaults(core);
      return sendJson(res, 200, { notifications: core.notifier.faults });
    }
    if (key === "POST /faults/clear-all") {
      clearAllFaults(core);
      return sendJson(res, 200, { ok: true });
    }
    if (first === "faults" && id === "orders" && sub !== undefined && parts.length === 3 && req.method === "DELETE") {
      removeOrderFault(core, index(sub));
      return sendJson(res, 200, { orders: core.orderFaults.list() });
    }
    if (first === "stations") {
      if (parts.length === 1 && req.method === "GET")
        return sendJson(res, 200, { stations: core.stations.list().map(stationView) });
      if (parts.length === 1 && req.method === "POST") {
        const config = await body(req, stationConfigSchema);
        if (core.stations.get(config.persoStation))
          throw new HttpError(409, undefined, `station ${config.persoStation} exists`);
        return sendJson(res, 201, stationView(core.stations.add(config)));
      }
      if (id && parts.length === 2 && req.method === "GET") return sendJson(res, 200, stationView(station(id)));
      if (id && parts.length === 2 && req.method === "PATCH") {
        const s = station(id);
        core.stations.update(s, await body(req, stationUpdateSchema));
        core.agent.kick(s);
        return sendJson(res, 200, stationView(s));
      }
      if (id && sub === "faults" && parts.length === 3 && req.method === "POST") {
        const s = station(id);
        addStationFault(core, s, await body(req, stationFaultSchema));
        return sendJson(res, 201, stationView(s));
      }
      if (id && sub === "job" && parts.length === 3 && req.method === "GET") {
        const s = station(id);
        const current = s.current === undefined ? undefined : core.orders.byKey(s.current);
        return sendJson(res, 200, { job: current ? { ...orderView(current), phase: s.phase ?? null } : null });
      }
      if (id && sub === "report" && parts.length === 3 && req.method === "POST") {
        const s = station(id);
        const problem = core.agent.report(s, (await body(req, reportSchema)).step);
        if (problem) throw new HttpError(409, undefined, problem);
        return sendJson(res, 200, stationView(s));
      }
      if (id && sub === "faults" && parts.length === 3 && req.method === "DELETE") {
        const s = station(id);
        s.faults = [];
        return sendJson(res, 200, stationView(s));
      }
      if (id && sub === "faults" && parts[3] !== undefined && parts.length === 4 && req.method === "DELETE") {
        const s = station(id);
        removeStationFault(core, s, index(parts[3]));
        return sendJson(res, 200, stationView(s));
      }
    }
    if (first === "orders") {
      if (parts.length === 1 && req.method === "GET") return sendJson(res, 200, { orders: recentOrders() });
      if (id && parts.length === 2 && req.method === "GET") return sendJson(res, 200, orderView(order(id)));
      if (id && sub === "cancel" && parts.length === 3 && req.method === "POST") {
        const o = order(id);
        if (!core.agent.cancelQueued(o))
          throw new HttpError(409, undefined, "only a card still waiting in a station queue can be canceled");
        return sendJson(res, 200, orderView(o));
      }
    }
    throw new HttpError(404, undefined, `no such control route: ${key}`);
  }

  return createServer((req, res) => {
    const refused = refusal(req);
    if (refused) return sendError(res, refused);
    route(req, res)
      .catch((err: unknown) => {
        if (err instanceof HttpError) return sendError(res, err);
        core.log.error({ err }, "control API error");
        sendError(res, new HttpError(500, undefined, "internal error"));
      })
      .finally(() => {
        if (!req.readableEnded) req.resume();
      });
  });
}

// Request handler of the simulated D1 API: E1 token, E2 order (INSTANT), E3 production status,
// and an issuer cancel (simulator decision).
// Paths and codes follow ../shared/d1-api.md. Errors use D1's `{errorCode, error}` body; SIM_
// codes are ours, for cases D1 documents no code for (§9 simulator decision), and the product
// treats them as unknown D1 codes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { validateCardData } from "./card-data";
import type { SimulatorCore } from "./core";
import { HttpError, fieldFormat, fieldValue, isRecord, parseJson, readBody, sendError, sendJson } from "./http-util";
import { CORRELATION_ID, validateInstantOrder, validatePath } from "./order-request";

const TOKEN_PATH = "/authz/v1/oauth2/token";
// Some HTTP clients percent-encode the colon of the custom method.
const ORDER_PATH = /^\/banking\/v1\/issuers\/([^/]*)\/physicalCards\/([^/]*)\/operations(?::|%3[Aa])production$/;
// The issuer cancel route is a simulator decision: D1 publishes none (§12 [U]), so its path is
// the app's D1_CANCEL_PATH setting (docs/d1-and-simulator.md).
const CANCEL_PATH = /^\/banking\/v1\/issuers\/([^/]*)\/physicalCards\/([^/]*)\/operations(?::|%3[Aa])cancel$/;
// A how-to page spells E3 in lower case (§3): match it case-insensitively.
const STATUS_PATH = /^\/banking\/v1\/issuers\/([^/]*)\/physicalcards\/([^/]*)\/productionstatus$/i;

function param(raw: string, field: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw fieldFormat(field);
  }
}

/** The order's persoStation, read leniently (for faults scoped to a station); validation comes later. */
function stationOf(raw: Buffer): string | undefined {
  try {
    const body: unknown = JSON.parse(raw.toString("utf8"));
    return isRecord(body) && typeof body.persoStation === "string" ? body.persoStation : undefined;
  } catch {
    return undefined;
  }
}

const methodNotAllowed = (allow: string) => new HttpError(405, "SIM_METHOD_NOT_ALLOWED", `use ${allow}`, { allow });

export function createD1Handler(core: SimulatorCore) {
  const log = core.log.child({ part: "d1" });

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, core.maxBodyBytes);
    const type = (req.headers["content-type"] ?? "").toLowerCase();
    let params: Record<string, unknown>;
    if (type.includes("application/json")) {
      const parsed = parseJson(raw);
      params = isRecord(parsed) ? parsed : {};
    } else if (type === "" || type.includes("application/x-www-form-urlencoded")) {
      params = Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
    } else {
      throw new HttpError(
        400,
        undefined,
        "unsupported content type",
        {},
        { error: "invalid_request", error_description: "use application/x-www-form-urlencoded or application/json" },
      );
    }
    sendJson(res, 200, await core.tokens.exchange(params));
  }

  async function order(req: IncomingMessage, res: ServerResponse, m: RegExpExecArray): Promise<void> {
    await core.tokens.authenticate(req.headers.authorization);
    const raw = await readBody(req, core.maxBodyBytes);
    const fault = core.orderFaults.take(Math.random, stationOf(raw));
    if (fault?.mode === "http500") throw new HttpError(500, "SIM_INTERNAL_ERROR", "injected fault: internal error");
    if (fault?.mode === "http429") {
      const retryAfter = String(fault.retryAfterSeconds ?? 1);
      throw new HttpError(429, "SIM_RATE_LIMITED", "injected fault: too many requests", { "retry-after": retryAfter });
    }
    if (fault?.mode === "hang") return; // never answered; the connection is closed by the client or by stop()
    if (fault?.mode === "slow") await core.timers.sleep(fault.delayMs ?? 5000);

    const issuerId = param(m[1] ?? "", "issuerId");
    const cardId = param(m[2] ?? "", "cardId");
    core.orders.counters.ordersReceived++;
    validatePath(issuerId, cardId, core.issuerId);
    const request = validateInstantOrder(parseJson(raw));
    const station = core.stations.get(request.persoStation);
    // D1's answer to an unregistered station is unpublished (§12 [U]); the documented code for
    // a well-formed value it does not allow is the closest, so the product is tested against it.
    if (!station) throw fieldValue("persoStation");
    const cardData = validateCardData(await core.decryptor.decrypt(request.encryptedData));
    const fingerprint = core.orders.fingerprint({ issuerId, cardId, ...request }, cardData);

    const existing = core.orders.get(cardId);
    if (existing) repeatedOrder(existing.fingerprint === fingerprint);
    // Only "original" answers a repeat with the first order; "duplicate" makes a second card.
    const replay = existing && core.repeatedOrders.mode === "original" ? existing : undefined;
    const accepted =
      replay ??
      core.orders.create({
        cardId,
        issuerRequestId: request.issuerRequestId,
        persoStation: station.persoStation,
        cardProductId: request.cardProductId,
        fingerprint,
        cardData,
      });
    core.orders.noteAccepted(accepted);
    if (!replay) core.agent.enqueue(station, accepted);
    log.info(
      {
        cardId,
        operationId: accepted.operationId,
        replay: Boolean(replay),
        repeat: Boolean(existing),
        last4: cardData.pan.slice(-4),
      },
      "order accepted",
    );
    if (fault?.mode === "hangAfterAccept") return; // the order stands but the answer is "lost"
    sendJson(res, 202, { operationId: accepted.operationId });
  }

  /** A second order for a held cardId, answered as the chosen mode says (§13: D1's is unpublished). */
  function repeatedOrder(sameBody: boolean): void {
    core.orders.counters.ordersRepeated++;
    const { mode } = core.repeatedOrders;
    if (mode === "conflict" || (mode === "original" && !sameBody)) {
      throw new HttpError(409, "SIM_CARD_ALREADY_ORDERED", "cardId was already ordered");
    }
    if (mode === "bad_request") throw new HttpError(400, "FIELD_INVALID_VALUE", "cardId");
  }

  async function status(req: IncomingMessage, res: ServerResponse, m: RegExpExecArray): Promise<void> {
    await core.tokens.authenticate(req.headers.authorization);
    const issuerId = param(m[1] ?? "", "issuerId");
    const cardId = param(m[2] ?? "", "cardId");
    validatePath(issuerId, cardId, core.issuerId);
    const found = core.orders.get(cardId);
    if (!found) throw new HttpError(404, "SIM_NOT_FOUND", "no order for this cardId");
    sendJson(res, 200, { operations: [found.latest] });
  }

  /**
   * A card still waiting in its station's queue (e.g. an offline station) is taken out and
   * CARD_PROD_CANCELED notified (202); a card the station already took, or a finished one, is
   * too late (409); asking again for a canceled card answers 202 again.
   */
  async function cancel(req: IncomingMessage, res: ServerResponse, m: RegExpExecArray): Promise<void> {
    await core.tokens.authenticate(req.headers.authorization);
    const issuerId = param(m[1] ?? "", "issuerId");
    const cardId = param(m[2] ?? "", "cardId");
    validatePath(issuerId, cardId, core.issuerId);
    const found = core.orders.get(cardId);
    if (!found) throw new HttpError(404, "SIM_NOT_FOUND", "no order for this cardId");
    const canceled = found.latest.details.status === "CARD_PROD_CANCELED" || core.agent.cancelQueued(found);
    if (!canceled) throw new HttpError(409, "SIM_PRODUCTION_STARTED", "the station has already taken this card");
    log.info({ cardId, operationId: found.operationId }, "order canceled by the issuer");
    sendJson(res, 202, { operationId: found.operationId });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "https://d1.invalid").pathname;
    const correlationId = req.headers["x-correlation-id"];
    if (typeof correlationId === "string") {
      if (!CORRELATION_ID.test(correlationId)) throw fieldFormat("x-correlation-id");
      res.setHeader("x-correlation-id", correlationId);
    }
    if (path === TOKEN_PATH) {
      if (req.method !== "POST") throw methodNotAllowed("POST");
      return token(req, res);
    }
    const orderMatch = ORDER_PATH.exec(path);
    if (orderMatch) {
      if (req.method !== "POST") throw methodNotAllowed("POST");
      return order(req, res, orderMatch);
    }
    const cancelMatch = CANCEL_PATH.exec(path);
    if (cancelMatch) {
      if (req.method !== "POST") throw methodNotAllowed("POST");
      return cancel(req, res, cancelMatch);
    }
    const statusMatch = STATUS_PATH.exec(path);
    if (statusMatch) {
      if (req.method !== "GET") throw methodNotAllowed("GET");
      return status(req, res, statusMatch);
    }
    throw new HttpError(404, "SIM_NOT_FOUND", `no such endpoint: ${req.method ?? "?"} ${path}`);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    route(req, res)
      .catch((err: unknown) => {
        if (err instanceof HttpError) return sendError(res, err);
        log.error({ err }, "unexpected error");
        sendError(res, new HttpError(500, "SIM_INTERNAL_ERROR", "internal error"));
      })
      .finally(() => {
        // Drain whatever the handler did not read so the connection stays usable.
        if (!req.readableEnded) req.resume();
        if (res.headersSent)
          log.debug({ method: req.method, url: req.url, status: res.statusCode, ms: Date.now() - started }, "request");
      });
  };
}

// The Instant Issuance Agent and its stations: each station takes cards from its FIFO queue
// one at a time and reports CARD_PROD_READY then CARD_PROD_DONE, or an exception. The timing,
// fault and offline behaviour are simulator decisions (D1 §12 leaves them unpublished).
import type { Logger } from "./logger";
import type { Order, OrderBook, FailureKind } from "./orders";
import type { Station, StationRegistry } from "./stations";
import type { Timers } from "./timers";
import type { StationFaultKind } from "./types";

export class Agent {
  constructor(
    private readonly stations: StationRegistry,
    private readonly orders: OrderBook,
    private readonly timers: Timers,
    private readonly log: Logger,
  ) {}

  enqueue(station: Station, order: Order): void {
    // By key, so that a second order for the same cardId ("duplicate" mode) is produced too.
    station.queue.push(order.key);
    this.kick(station);
  }

  /** Re-evaluates a station after anything changed (new card, state, timings, stock). */
  kick(station: Station): void {
    if (this.timers.isStopped || station.current !== undefined) return;
    if (station.state === "OFFLINE") return this.waitWhileOffline(station);
    station.offlineDeadlines.clear();
    station.cancelOfflineTimer?.();
    const key = station.queue.shift();
    if (key === undefined) return;
    const order = this.orders.byKey(key);
    if (!order || this.orders.isFinal(order)) return this.kick(station);
    station.current = key;
    this.orders.productionStarted(order);
    this.log.info({ cardId: order.cardId, persoStation: station.persoStation }, "station took card");
    if (station.manual) {
      station.phase = "taken"; // the control API reports the next steps (report())
      return;
    }
    const fault = this.stations.takeFault(station);
    this.timers.after(station.timings.readyMs, () => this.processed(station, order, fault));
  }

  /** Cancels a card still waiting in a queue. Returns false if it is not waiting anywhere. */
  cancelQueued(order: Order): boolean {
    const station = this.stations.get(order.persoStation);
    const index = station?.queue.indexOf(order.key) ?? -1;
    if (!station || index < 0) return false;
    station.queue.splice(index, 1);
    station.offlineDeadlines.delete(order.key);
    this.orders.fail(order, "canceled");
    return true;
  }

  /**
   * Drives the current card of a manual station, as the Agent would report it (§12 simulator
   * decision). Returns an error message when the step does not fit the card's progress.
   */
  report(station: Station, step: "ready" | "done" | FailureKind): string | undefined {
    const order = station.current === undefined ? undefined : this.orders.byKey(station.current);
    if (!station.manual || !order) return "the station has no card in production under manual control";
    if (step === "canceled") return "use the cancel route for queued cards";
    if (step === "ready") {
      if (station.phase !== "taken") return "the card is already READY";
      station.phase = "ready";
      this.orders.transition(order, "CARD_PROD_READY");
      // Like the timed path: the blank card is taken once the data is ready.
      if (!this.takeBlankCard(station, order.cardProductId)) this.finish(station, order, "outOfStock");
      return undefined;
    }
    if (step === "done" && station.phase !== "ready") return "report ready before done";
    if (step === "dataException" && station.phase !== "taken") return "data exceptions happen before READY";
    this.finish(station, order, step === "done" ? undefined : step);
    return undefined;
  }

  /** Data prepared by D1: READY, unless the data or the station says otherwise. */
  private processed(station: Station, order: Order, fault: StationFaultKind | undefined): void {
    if (station.state === "OFFLINE") return this.finish(station, order, "offline");
    if (station.state === "ERROR") return this.finish(station, order, "stationError");
    if (fault === "dataException") return this.finish(station, order, "dataException");
    this.orders.transition(order, "CARD_PROD_READY");
    if (fault === "outOfStock" || !this.takeBlankCard(station, order.cardProductId)) {
      return this.finish(station, order, "outOfStock");
    }
    const printMs = Math.max(0, station.timings.doneMs - station.timings.readyMs);
    this.timers.after(printMs, () => this.printed(station, order, fault));
  }

  private printed(station: Station, order: Order, fault: StationFaultKind | undefined): void {
    if (station.state === "OFFLINE") return this.finish(station, order, "offline");
    if (station.state === "ERROR") return this.finish(station, order, "stationError");
    if (fault === "jam") return this.finish(station, order, "jam");
    if (fault === "chipWriteFail") return this.finish(station, order, "chipWriteFail");
    this.finish(station, order, undefined);
  }

  private takeBlankCard(station: Station, productId: string): boolean {
    if (!station.stock) return true;
    const left = station.stock[productId] ?? 0;
    if (left <= 0) return false;
    station.stock[productId] = left - 1;
    return true;
  }

  private finish(station: Station, order: Order, failure: FailureKind | undefined): void {
    if (failure) {
      this.orders.fail(order, failure);
      station.failed++;
    } else {
      this.orders.transition(order, "CARD_PROD_DONE");
      station.produced++;
    }
    this.log.info(
      { cardId: order.cardId, persoStation: station.persoStation, outcome: failure ?? "done" },
      "station finished card",
    );
    station.current = undefined;
    station.phase = undefined;
    // Next card on a fresh tick, so a long queue never grows the stack.
    this.timers.after(0, () => this.kick(station));
  }

  /** Cards for an OFFLINE station wait `offlineTimeoutMs` each, then fail with "station offline". */
  private waitWhileOffline(station: Station): void {
    const now = Date.now();
    for (const key of [...station.queue]) {
      const deadline = station.offlineDeadlines.get(key) ?? now + station.timings.offlineTimeoutMs;
      station.offlineDeadlines.set(key, deadline);
      if (deadline > now) continue;
      station.queue.splice(station.queue.indexOf(key), 1);
      station.offlineDeadlines.delete(key);
      const order = this.orders.byKey(key);
      if (order && !this.orders.isFinal(order)) {
        this.orders.fail(order, "offline");
        station.failed++;
      }
    }
    station.cancelOfflineTimer?.();
    const next = Math.min(...station.offlineDeadlines.values());
    if (Number.isFinite(next)) station.cancelOfflineTimer = this.timers.after(next - now, () => this.kick(station));
  }
}

// The control page on the control port: a trainer runs a drill from a browser (faults on
// stations, D1 and notifications; active faults with Clear) and watches stations, recent
// orders and notifications. Server-rendered, no script; no card data is ever shown (orders
// and notifications carry ids and statuses only).
import type { orderView } from "./admin";
import {
  activeFaults,
  addStationControl,
  d1Controls,
  escape,
  notificationControls,
  stationControls,
} from "./admin-page-controls";
import type { NotificationFaultState, OrderFault } from "./faults";
import type { NotificationEvent } from "./notifier";
import type { stationView } from "./stations";

type StationView = ReturnType<typeof stationView>;
type OrderView = ReturnType<typeof orderView>;

export type Notice = { kind: "done"; action: string } | { kind: "error"; message: string };

const DONE: Record<string, string> = {
  "station-fault": "Station fault injected.",
  "station-state": "Station state changed.",
  "station-add": "Station added.",
  "d1-fault": "D1 fault injected.",
  "notification-fault": "Notification fault injected.",
  clear: "Cleared.",
};

export interface ControlPageData {
  csrfToken: string;
  stations: StationView[];
  orderFaults: OrderFault[];
  notificationFaults: NotificationFaultState;
  orders: OrderView[];
  notifications: NotificationEvent[];
  notice?: Notice;
}

function stockText(stock: StationView["stock"]): string {
  if (stock === "unlimited") return "unlimited";
  const entries = Object.entries(stock);
  return entries.length === 0 ? "none" : entries.map(([p, n]) => `${p}: ${n}`).join(", ");
}

function noticeHtml(notice: Notice | undefined): string {
  // Only the fixed texts above are shown for "done": nothing from the query string is echoed.
  if (notice?.kind === "error")
    return `<div class="error" role="alert"><p>Not done: ${escape(notice.message)}</p></div>`;
  const text = notice ? DONE[notice.action] : undefined;
  return `<div role="status">${text ? `<p class="done">${text}</p>` : ""}</div>`;
}

const table = (caption: string, head: string[], rows: string[], empty: string) =>
  rows.length === 0
    ? `<p>${empty}</p>`
    : `<table><caption>${caption}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;

const cells = (values: unknown[]) => `<tr>${values.map((v) => `<td>${escape(v)}</td>`).join("")}</tr>`;

export function renderControlPage(data: ControlPageData): string {
  const { csrfToken: csrf, stations } = data;
  const stationRows = stations.map((s) =>
    cells([
      s.persoStation,
      s.branchCode,
      `${s.state}${s.current ? " (busy)" : ""}`,
      s.current ?? "",
      s.queue.length,
      stockText(s.stock),
      s.produced,
      s.failed,
    ]),
  );
  const orderRows = data.orders.map((o) =>
    cells([
      o.acceptedAt,
      o.cardId,
      o.persoStation,
      o.cardProductId,
      o.latest.status,
      o.latest.details.status,
      o.latest.details.reason ?? "",
    ]),
  );
  const notificationRows = data.notifications.map((e) =>
    cells([
      e.at,
      e.outcome,
      e.operations.map((op) => op.cardId).join(", "),
      e.operations.map((op) => op.detailsStatus).join(", "),
      e.response ?? "",
    ]),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>D1 simulator: control page</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;padding:1.5rem;max-width:72rem;color:#1a1a1a;line-height:1.4}
table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}
th{background:#eee}caption{text-align:left;font-weight:600;padding:.3rem 0}
fieldset{border:1px solid #bbb;margin:.5rem 0;padding:.5rem 1rem}legend{font-weight:600}
.station{border-top:2px solid #ddd;margin-top:1rem}.stations{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:0 1.5rem}
.faults li{margin:.3rem 0}.faults form{display:inline}button{padding:.25rem .7rem;margin:.2rem .3rem .2rem 0}
input[type=number]{width:5rem}.done{color:#0a5c24;font-weight:600}.error{border:2px solid #a40000;padding:0 1rem;color:#a40000}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
:focus-visible{outline:3px solid #1a56db;outline-offset:2px}
</style></head><body>
<header><h1>D1 simulator: control page</h1>
<p>Simulated Thales D1 Instant Issuance for drills and tests. A fault applies to the next cards or calls;
the teller sees what a real station or D1 would cause. <a href="/">Refresh this page</a> to see the latest state.</p></header>
<main>
${noticeHtml(data.notice)}
<section aria-labelledby="active-faults"><h2 id="active-faults">Active faults</h2>
${activeFaults(csrf, stations, data.orderFaults, data.notificationFaults)}</section>
<section aria-labelledby="stations-h"><h2 id="stations-h">Stations</h2>
${table("Stations the simulator knows", ["Station", "Branch", "State", "Current card", "Queued", "Stock", "Produced", "Failed"], stationRows, "No stations.")}
<div class="stations">${stations.map((s, i) => stationControls(csrf, s, i)).join("\n")}</div>
${addStationControl(csrf)}</section>
<section aria-labelledby="d1-h"><h2 id="d1-h">D1 faults</h2>
<p>How D1 answers the app's card orders. Token (E1) and status (E3) calls are always answered normally.</p>
${d1Controls(csrf, stations)}</section>
<section aria-labelledby="notifications-h"><h2 id="notifications-h">Notification faults</h2>
<p>How D1's status notifications reach the app.</p>
${notificationControls(csrf)}</section>
<section aria-labelledby="orders-h"><h2 id="orders-h">Recent orders</h2>
${table("Newest first, no card data", ["Accepted", "Card", "Station", "Product", "Status", "Details", "Reason"], orderRows, "No orders yet.")}</section>
<section aria-labelledby="events-h"><h2 id="events-h">Recent notifications</h2>
${table("Newest first, ids and statuses only", ["At", "Outcome", "Card", "Status", "Response"], notificationRows, "No notifications yet.")}</section>
</main></body></html>
`;
}

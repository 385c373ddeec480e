// The small status page on the control port: stations and recent orders for a person running
// the demo. Server-rendered, refreshes itself every two seconds; no card data is ever shown.
import type { orderView } from "./admin";
import type { stationView } from "./stations";

type StationView = ReturnType<typeof stationView>;
type OrderView = ReturnType<typeof orderView>;

const escape = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function stockText(stock: StationView["stock"]): string {
  if (stock === "unlimited") return "unlimited";
  const entries = Object.entries(stock);
  return entries.length === 0 ? "none" : entries.map(([p, n]) => `${p}: ${n}`).join(", ");
}

export function renderStatusPage(stations: StationView[], orders: OrderView[]): string {
  const stationRows = stations
    .map(
      (s) => `<tr><td>${escape(s.persoStation)}</td><td>${escape(s.branchCode)}</td>
<td class="${escape(s.state.toLowerCase())}">${escape(s.state)}${s.current ? " (busy)" : ""}</td>
<td>${escape(s.current ?? "")}</td><td>${s.queue.length}</td><td>${escape(stockText(s.stock))}</td>
<td>${s.produced}</td><td>${s.failed}</td><td>${escape(s.faults.map((f) => `${f.kind}×${f.remaining}`).join(", "))}</td></tr>`,
    )
    .join("\n");
  const orderRows = orders
    .map(
      (o) => `<tr><td>${escape(o.acceptedAt)}</td><td>${escape(o.cardId)}</td><td>${escape(o.persoStation)}</td>
<td>${escape(o.cardProductId)}</td><td>${escape(o.latest.status)}</td><td>${escape(o.latest.details.status)}</td>
<td>${escape(o.latest.details.reason ?? "")}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>D1 simulator</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}
table{border-collapse:collapse;margin-bottom:2rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
th{background:#f0f0f0}.online{color:#0a6b2a}.offline{color:#8a5a00}.error{color:#a40000}
</style></head><body>
<h1>D1 simulator</h1>
<p>Simulated Thales D1 Instant Issuance: stations and recent orders. This page refreshes every 2 seconds.</p>
<h2>Stations</h2>
<table><thead><tr><th scope="col">Station</th><th scope="col">Branch</th><th scope="col">State</th><th scope="col">Current card</th>
<th scope="col">Queued</th><th scope="col">Stock</th><th scope="col">Produced</th><th scope="col">Failed</th><th scope="col">Pending faults</th></tr></thead>
<tbody>${stationRows}</tbody></table>
<h2>Recent orders</h2>
${
  orders.length === 0
    ? "<p>No orders yet.</p>"
    : `<table><thead><tr><th scope="col">Accepted</th><th scope="col">Card</th><th scope="col">Station</th>
<th scope="col">Product</th><th scope="col">Status</th><th scope="col">Details</th><th scope="col">Reason</th></tr></thead>
<tbody>${orderRows}</tbody></table>`
}
</body></html>
`;
}

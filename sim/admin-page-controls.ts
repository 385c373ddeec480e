// The drill forms of the control page: a station's faults and state, D1 order faults,
// notification faults, and the list of active faults with a Clear button each. Plain forms
// posting to /drill/<action> (admin-forms.ts); every form carries the per-process token.
import type { stationView } from "./stations";
import type { NotificationFaultState, OrderFault } from "./faults";
import { NOTIFICATION_FAULT_KEYS } from "./controls";

type StationView = ReturnType<typeof stationView>;

export const escape = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const STATION_FAULT_LABELS = {
  jam: "Card jam",
  chipWriteFail: "Chip write failure",
  outOfStock: "Out of blank cards",
  dataException: "Invalid personalization data",
} as const;
const D1_FAULT_LABELS = {
  http500: "HTTP 500 (D1 error, order not taken)",
  http429: "HTTP 429 (rate limited, with Retry-After)",
  hang: "Timeout (D1 never answers, order not taken)",
  hangAfterAccept: "Lost answer (order taken, answer never arrives)",
  slow: "Slow answer (succeeds after a delay)",
} as const;
const NOTIFICATION_LABELS: Record<(typeof NOTIFICATION_FAULT_KEYS)[number], string> = {
  dropNext: "dropped",
  dropPercent: "dropped",
  duplicateNext: "sent twice",
  duplicatePercent: "sent twice",
  delayNext: "delayed",
  delayPercent: "delayed",
  reorderNext: "out of order",
  resendNext: "re-sent after success",
};

const form = (csrf: string, action: string, body: string, hidden: Record<string, string> = {}) =>
  `<form method="post" action="/drill/${action}"><input type="hidden" name="csrf" value="${escape(csrf)}">${Object.entries(
    hidden,
  )
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join("")}${body}</form>`;

const options = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([value, label]) => `<option value="${value}">${escape(label)}</option>`)
    .join("");

/** "the next N / a share / until cleared" radios with their number fields. */
function durationFields(id: string, unit: string, withPercent: boolean): string {
  return `<fieldset><legend>For how long</legend>
<p><input type="radio" id="${id}-next" name="duration" value="next" checked> <label for="${id}-next">The next</label>
<label for="${id}-count" class="sr">Number of ${unit}</label><input type="number" id="${id}-count" name="count" min="1" max="10000" value="1"> ${unit}</p>
${
  withPercent
    ? `<p><input type="radio" id="${id}-percent" name="duration" value="percent"> <label for="${id}-percent">A share of</label>
<label for="${id}-pct" class="sr">Percent of ${unit}</label><input type="number" id="${id}-pct" name="percent" min="1" max="100" value="50"> % of ${unit}</p>`
    : ""
}<p><input type="radio" id="${id}-until" name="duration" value="untilCleared"> <label for="${id}-until">Every one until cleared</label></p>
</fieldset>`;
}

export function stationControls(csrf: string, s: StationView, i: number): string {
  const id = `s${i}`;
  const station = { station: s.persoStation };
  const fault = form(
    csrf,
    "station-fault",
    `<fieldset><legend>Fail cards at ${escape(s.persoStation)}</legend>
<p><label for="${id}-kind">Fault</label> <select id="${id}-kind" name="kind">${options(STATION_FAULT_LABELS)}</select></p>
${durationFields(id, "cards", false)}<button type="submit">Inject station fault</button></fieldset>`,
    station,
  );
  const state = form(
    csrf,
    "station-state",
    `<fieldset><legend>State of ${escape(s.persoStation)} (now ${escape(s.state)})</legend>
<button type="submit" name="state" value="OFFLINE">Set offline</button>
<button type="submit" name="state" value="ERROR">Set to error</button>
<button type="submit" name="state" value="ONLINE">Set online</button></fieldset>`,
    station,
  );
  return `<section aria-labelledby="${id}-h" class="station"><h3 id="${id}-h">Station ${escape(s.persoStation)}</h3>
<p>Branch ${escape(s.branchCode)}, ${escape(s.state)}${s.current ? ", producing a card" : ""}, ${s.queue.length} waiting.</p>
${fault}${state}</section>`;
}

export function addStationControl(csrf: string): string {
  return form(
    csrf,
    "station-add",
    `<fieldset><legend>Add a station the simulator does not know yet</legend>
<p><label for="add-station">Perso station id</label> <input id="add-station" name="station" required pattern="[A-Za-z0-9_.:\\-]{1,64}" autocomplete="off"></p>
<p><label for="add-branch">Branch code</label> <input id="add-branch" name="branch" required maxlength="32" autocomplete="off"></p>
<button type="submit">Add station</button></fieldset>`,
  );
}

export function d1Controls(csrf: string, stations: StationView[]): string {
  return form(
    csrf,
    "d1-fault",
    `<fieldset><legend>Fault on card orders (E2)</legend>
<p><label for="d1-mode">Answer</label> <select id="d1-mode" name="mode">${options(D1_FAULT_LABELS)}</select></p>
${durationFields("d1", "calls", true)}
<p><label for="d1-retry">Retry-After in seconds (HTTP 429)</label> <input type="number" id="d1-retry" name="retryAfterSeconds" min="0" max="600" value="1"></p>
<p><label for="d1-delay">Delay in seconds (slow answer)</label> <input type="number" id="d1-delay" name="delaySeconds" min="0" max="600" value="5"></p>
<p><label for="d1-station">Only orders for station</label> <select id="d1-station" name="station"><option value="">Every station</option>${stations
      .map((s) => `<option>${escape(s.persoStation)}</option>`)
      .join("")}</select></p>
<button type="submit">Inject D1 fault</button></fieldset>`,
  );
}

export function notificationControls(csrf: string): string {
  const kinds = {
    drop: "Drop (never sent)",
    duplicate: "Duplicate (sent twice)",
    delay: "Delay (later ones overtake it)",
    reorder: "Out of order (swapped with the next one)",
    resend: "Re-send after success (as if D1 missed the answer)",
  };
  return form(
    csrf,
    "notification-fault",
    `<fieldset><legend>Fault on status notifications to the app (E5)</legend>
<p><label for="n-kind">Fault</label> <select id="n-kind" name="kind">${options(kinds)}</select></p>
${durationFields("n", "notifications", true)}
<p><label for="n-delay">Delay in seconds (delay)</label> <input type="number" id="n-delay" name="delaySeconds" min="0" max="600" value="5"></p>
<button type="submit">Inject notification fault</button></fieldset>`,
  );
}

function clearButton(csrf: string, label: string, hidden: Record<string, string>): string {
  return `<li>${escape(label)} ${form(csrf, "clear", `<button type="submit" aria-label="Clear: ${escape(label)}">Clear</button>`, hidden)}</li>`;
}

/** "the next card", "the next 3 cards" or "until cleared". */
const times = (n: number | null, unit: string) =>
  n === null ? "until cleared" : n === 1 ? `the next ${unit}` : `the next ${n} ${unit}s`;

export function activeFaults(
  csrf: string,
  stations: StationView[],
  orderFaults: OrderFault[],
  notifications: NotificationFaultState,
): string {
  const items: string[] = [];
  for (const s of stations) {
    s.faults.forEach((f, index) =>
      items.push(
        clearButton(csrf, `${s.persoStation}: ${STATION_FAULT_LABELS[f.kind]}, ${times(f.remaining, "card")}`, {
          what: "station-fault",
          station: s.persoStation,
          index: String(index),
        }),
      ),
    );
    if (s.state !== "ONLINE")
      items.push(
        clearButton(csrf, `${s.persoStation}: ${s.state.toLowerCase()}`, {
          what: "station-state",
          station: s.persoStation,
        }),
      );
  }
  orderFaults.forEach((f, index) => {
    const extent =
      f.count !== undefined
        ? times(f.count, "call")
        : f.probability === 1
          ? "until cleared"
          : `${Math.round((f.probability ?? 0) * 100)} % of calls`;
    const extra =
      f.mode === "http429"
        ? `, Retry-After ${f.retryAfterSeconds ?? 1} s`
        : f.mode === "slow"
          ? `, ${(f.delayMs ?? 5000) / 1000} s`
          : "";
    const scope = f.persoStation ? `, station ${f.persoStation}` : "";
    items.push(
      clearButton(csrf, `D1 orders: ${D1_FAULT_LABELS[f.mode]}${extra}, ${extent}${scope}`, {
        what: "d1",
        index: String(index),
      }),
    );
  });
  for (const key of NOTIFICATION_FAULT_KEYS) {
    if (notifications[key] === 0) continue;
    const delay = key.startsWith("delay") ? ` by ${notifications.delayMs / 1000} s` : "";
    const value = notifications[key];
    const extent = !key.endsWith("Percent")
      ? times(value, "notification")
      : value === 100
        ? "until cleared"
        : `${value} % of them`;
    items.push(
      clearButton(csrf, `Notifications ${NOTIFICATION_LABELS[key]}${delay}: ${extent}`, {
        what: "notification",
        key,
      }),
    );
  }
  if (items.length === 0) return "<p>No active faults: every card and call behaves normally.</p>";
  return `<ul class="faults">${items.join("\n")}</ul>${form(csrf, "clear", `<button type="submit">Clear all faults</button>`, { what: "all" })}`;
}

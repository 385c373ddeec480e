// The control page's forms (POST /drill/<action>, application/x-www-form-urlencoded): a trainer
// runs a drill from a browser. Each action validates its fields with zod, applies the same
// change as the JSON API (controls.ts) and redirects back to the page (303), or shows the page
// again with the problem (400/404). A form post is a "simple" cross-origin request, so besides
// the Host/Origin checks in admin.ts every post carries the page's per-process token.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Notice } from "./admin-page";
import {
  addStationFault,
  clearAllFaults,
  clearNotificationFaults,
  findStation,
  NOTIFICATION_FAULT_KEYS,
  removeOrderFault,
  removeStationFault,
  setStationState,
  STATION_FAULT_KINDS,
} from "./controls";
import type { SimulatorCore } from "./core";
import { orderFaultSchema } from "./faults";
import { HttpError, readBody } from "./http-util";
import { stateSchema, stationConfigSchema } from "./stations";

export const DRILL_ACTIONS = [
  "station-fault",
  "station-state",
  "station-add",
  "d1-fault",
  "notification-fault",
  "clear",
] as const;
export type DrillAction = (typeof DRILL_ACTIONS)[number];

export const isDrillRoute = (req: IncomingMessage) => req.method === "POST" && (req.url ?? "").startsWith("/drill/");

const stationId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "a station id: letters, digits and _ . : -");
const count = z.coerce.number().int().min(1).max(10_000);
const percent = z.coerce.number().int().min(1).max(100);
const seconds = z.coerce.number().int().min(0).max(600);
/** How long a fault lasts: the next N cards/calls, a share of them, or until cleared. */
const duration = z.enum(["next", "percent", "untilCleared"]);

const stationFaultForm = z.object({
  station: stationId,
  kind: z.enum(STATION_FAULT_KINDS),
  duration: duration.exclude(["percent"]),
  count: count.default(1),
});
const stationStateForm = z.object({ station: stationId, state: stateSchema });
const stationAddForm = z.object({ station: stationId, branch: z.string().trim().min(1).max(32) });
const d1FaultForm = z.object({
  mode: z.enum(["http500", "http429", "hang", "hangAfterAccept", "slow"]),
  duration,
  count: count.default(1),
  percent: percent.default(100),
  retryAfterSeconds: seconds.default(1),
  delaySeconds: seconds.default(5),
  /** Empty = every station. */
  station: z.union([z.literal(""), stationId]).default(""),
});
const notificationFaultForm = z
  .object({
    kind: z.enum(["drop", "duplicate", "delay", "reorder", "resend"]),
    duration,
    count: count.default(1),
    percent: percent.default(100),
    delaySeconds: seconds.default(5),
  })
  .refine((f) => f.duration === "next" || (f.kind !== "reorder" && f.kind !== "resend"), {
    path: ["duration"],
    message: "out of order and re-sent notifications can only be set for the next N",
  });
const NOTIFICATION_KEYS = {
  drop: { next: "dropNext", percent: "dropPercent" },
  duplicate: { next: "duplicateNext", percent: "duplicatePercent" },
  delay: { next: "delayNext", percent: "delayPercent" },
  reorder: { next: "reorderNext", percent: undefined },
  resend: { next: "resendNext", percent: undefined },
} as const;
const index = z.coerce.number().int().min(0).max(100_000);
const clearForm = z.discriminatedUnion("what", [
  z.object({ what: z.literal("all") }),
  z.object({ what: z.literal("station-fault"), station: stationId, index }),
  z.object({ what: z.literal("station-state"), station: stationId }),
  z.object({ what: z.literal("d1"), index }),
  z.object({ what: z.literal("notification"), key: z.enum(NOTIFICATION_FAULT_KEYS) }),
]);

function parse<T>(schema: z.ZodType<T>, fields: Record<string, string>): T {
  const result = schema.safeParse(fields);
  if (result.success) return result.data;
  const detail = result.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; ");
  throw new HttpError(400, undefined, detail);
}

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function apply(core: SimulatorCore, action: DrillAction, fields: Record<string, string>): void {
  switch (action) {
    case "station-fault": {
      const f = parse(stationFaultForm, fields);
      const untilCleared = f.duration === "untilCleared";
      return addStationFault(core, findStation(core, f.station), { kind: f.kind, count: f.count, untilCleared });
    }
    case "station-state": {
      const f = parse(stationStateForm, fields);
      return setStationState(core, findStation(core, f.station), f.state);
    }
    case "station-add": {
      const f = parse(stationAddForm, fields);
      if (core.stations.get(f.station)) throw new HttpError(409, undefined, `station ${f.station} exists already`);
      core.stations.add(stationConfigSchema.parse({ persoStation: f.station, branchCode: f.branch }));
      return;
    }
    case "d1-fault": {
      const f = parse(d1FaultForm, fields);
      // "Until cleared" is every call: probability 1 stays until someone removes it.
      const share =
        f.duration === "next" ? { count: f.count } : { probability: f.duration === "percent" ? f.percent / 100 : 1 };
      core.orderFaults.add(
        orderFaultSchema.parse({
          mode: f.mode,
          ...share,
          ...(f.mode === "http429" ? { retryAfterSeconds: f.retryAfterSeconds } : {}),
          ...(f.mode === "slow" ? { delayMs: f.delaySeconds * 1000 } : {}),
          ...(f.station ? { persoStation: f.station } : {}),
        }),
      );
      return;
    }
    case "notification-fault": {
      const f = parse(notificationFaultForm, fields);
      const faults = core.notifier.faults;
      const keys = NOTIFICATION_KEYS[f.kind];
      if (f.kind === "delay") faults.delayMs = f.delaySeconds * 1000;
      // "Until cleared" is 100 %: every notification, until someone clears it.
      if (f.duration === "next" || keys.percent === undefined) faults[keys.next] = f.count;
      else faults[keys.percent] = f.duration === "percent" ? f.percent : 100;
      return;
    }
    case "clear": {
      const f = parse(clearForm, fields);
      if (f.what === "all") return clearAllFaults(core);
      if (f.what === "station-fault") return removeStationFault(core, findStation(core, f.station), f.index);
      if (f.what === "station-state") return setStationState(core, findStation(core, f.station), "ONLINE");
      if (f.what === "d1") return removeOrderFault(core, f.index);
      return clearNotificationFaults(core, f.key);
    }
  }
}

export async function handleDrillForm(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  options: { csrfToken: string; page: (notice: Notice) => string },
): Promise<void> {
  const action = new URL(req.url ?? "/", "http://admin.invalid").pathname.slice("/drill/".length);
  const html = (status: number, body: string) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(body);
  };
  try {
    const fields = Object.fromEntries(new URLSearchParams((await readBody(req, 16 * 1024)).toString("utf8")));
    if (!sameToken(fields.csrf, options.csrfToken))
      throw new HttpError(403, undefined, "the form is out of date or from another page: reload the control page");
    if (!(DRILL_ACTIONS as readonly string[]).includes(action))
      throw new HttpError(404, undefined, `no such control: ${action}`);
    // A field left empty is a field not given: the schema's default applies.
    const rest = Object.fromEntries(Object.entries(fields).filter(([name, value]) => name !== "csrf" && value !== ""));
    apply(core, action as DrillAction, rest);
    core.log.info({ action, fields: rest }, "drill control applied");
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    return html(err.status, options.page({ kind: "error", message: err.message }));
  }
  res.writeHead(303, { location: `/?done=${action}#active-faults`, "cache-control": "no-store" });
  res.end();
}

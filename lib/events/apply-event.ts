// Applies a live job event to a cached job view, with the same rule as the database: a job
// only moves forwards, never out of a final state. Runs in the browser.
import type { JobEventView } from "@/db/queries/job-views";
import { STATION_DISABLED, STATION_EMPTY, STATION_UNBALANCED } from "@/lib/issuance/error-codes";
import { canTransition } from "@/lib/issuance/states";
import type { JobState } from "@/lib/vocabulary";

export type WireEvent = JobEventView & { jobId: string; branchId: string };

/** A job as a list shows it: one row, no timeline. */
type JobRow = {
  id: string;
  state: JobState;
  d1Status?: string | null;
  panLast4: string | null;
  errorCode: string | null;
  errorMessage: string | null;
};

type JobLike = JobRow & { events: JobEventView[] };

export function applyEvent<T extends JobLike>(job: T, event: WireEvent): T {
  if (job.id !== event.jobId || job.events.some((e) => e.id === event.id)) return job;
  const { jobId: _j, branchId: _b, ...view } = event;
  return { ...applyEventToRow(job, event), events: [...job.events, view].sort((a, b) => a.id - b.id) };
}

/** The row's own fields after an event; the same row when the event does not change it. */
export function applyEventToRow<T extends JobRow>(row: T, event: WireEvent): T {
  if (row.id !== event.jobId) return row;
  const next: T = { ...row };
  if (canTransition(row.state, event.state)) {
    next.state = event.state;
    if ("d1Status" in row) next.d1Status = event.d1Status ?? row.d1Status;
    if (event.state.endsWith("exception")) {
      next.errorCode = (event.detail.errorCode as string | undefined) ?? event.d1Status ?? row.errorCode;
      next.errorMessage =
        (event.detail.reason as string | undefined) ?? (event.detail.error as string | undefined) ?? row.errorMessage;
    }
  }
  if (event.kind === "accepted" && typeof event.detail.panLast4 === "string") next.panLast4 = event.detail.panLast4;
  // A manager's decision carries its reason and its maker: the page says who and why at once.
  if ((event.kind === "approved" || event.kind === "rejected") && "decisionNote" in row) {
    const by = typeof event.detail.by === "string" ? event.detail.by : null;
    const note = typeof event.detail.note === "string" ? event.detail.note : null;
    Object.assign(next, { decisionNote: note, decidedAt: event.at, decidedByName: by });
  }
  if (event.kind === "station_disabled") next.errorCode = STATION_DISABLED;
  if (event.kind === "station_empty") next.errorCode = STATION_EMPTY;
  if (event.kind === "station_unbalanced") next.errorCode = STATION_UNBALANCED;
  if (event.kind === "submit_retrying")
    next.errorCode = typeof event.detail.code === "string" ? event.detail.code : "unavailable:d1";
  const changed = (Object.keys(next) as Array<keyof T>).some((k) => next[k] !== row[k]);
  return changed ? next : row;
}

/** A list of rows after an event; the same list when no row changes, so nothing re-renders. */
export function applyEventToRows<T extends JobRow>(rows: T[], event: WireEvent): T[] {
  const index = rows.findIndex((r) => r.id === event.jobId);
  const row = rows[index];
  if (!row) return rows;
  const next = applyEventToRow(row, event);
  return next === row ? rows : rows.with(index, next);
}

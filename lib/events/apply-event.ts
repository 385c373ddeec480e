// Applies a live job event to a cached job view, with the same rule as the database: a job
// only moves forwards, never out of a final state. Runs in the browser.
import type { JobEventView } from "@/db/queries/job-views";
import { RANK } from "@/lib/issuance/states";
import type { JobState } from "@/lib/vocabulary";

export type WireEvent = JobEventView & { jobId: string; branchId: string };

type JobLike = {
  id: string;
  state: JobState;
  d1Status: string | null;
  panLast4: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  events: JobEventView[];
};

export function applyEvent<T extends JobLike>(job: T, event: WireEvent): T {
  if (job.id !== event.jobId || job.events.some((e) => e.id === event.id)) return job;
  const { jobId: _j, branchId: _b, ...view } = event;
  const next: T = { ...job, events: [...job.events, view].sort((a, b) => a.id - b.id) };
  const from = RANK[job.state];
  const to = RANK[event.state];
  if (from < 3 && to > from) {
    next.state = event.state;
    next.d1Status = event.d1Status ?? job.d1Status;
    if (event.state.endsWith("exception")) {
      next.errorCode = (event.detail.errorCode as string | undefined) ?? event.d1Status ?? job.errorCode;
      next.errorMessage = (event.detail.reason as string | undefined) ?? (event.detail.error as string | undefined) ?? job.errorMessage;
    }
  }
  if (event.kind === "accepted" && typeof event.detail.panLast4 === "string") next.panLast4 = event.detail.panLast4;
  if (event.kind === "submit_retrying") next.errorCode = typeof event.detail.code === "string" ? event.detail.code : "unavailable:d1";
  return next;
}

"use client";

// The teller's jobs of today (filterable by state) and the branch's open queue. The live channel
// moves their rows as events come; new and ended jobs, or any change under a state filter,
// refetch the list.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { JobSummary } from "@/db/queries/job-views";
import { changesTotals, liveMeta } from "@/components/live/live-query";
import { applyEventToRows } from "@/lib/events/apply-event";
import { STATE_LABEL } from "@/lib/issuance/states";
import { JOB_STATES } from "@/lib/vocabulary";
import { JobStateBadge } from "./job-state-badge";

type Scope = "mine" | "queue";

function useJobs(scope: Scope, state: string, initial?: JobSummary[]) {
  return useQuery({
    queryKey: ["jobs", scope, state],
    initialData: state === "" ? initial : undefined,
    queryFn: async () => {
      const params = new URLSearchParams({ scope, ...(state ? { state } : {}) });
      const response = await fetch(`/api/teller/jobs?${params}`, { cache: "no-store" });
      if (!response.ok) throw new Error("Could not load the jobs.");
      return ((await response.json()) as { jobs: JobSummary[] }).jobs;
    },
    meta: liveMeta<JobSummary[]>({
      apply: applyEventToRows,
      refetch: (event) => state !== "" || changesTotals(event),
    }),
  });
}

const time = (iso: string | Date) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

function JobTable({ jobs, caption }: { jobs: JobSummary[]; caption: string }) {
  if (jobs.length === 0) return <p className="text-slate-700">Nothing here.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-2 pr-3">Time</th>
          <th scope="col" className="py-2 pr-3">Customer</th>
          <th scope="col" className="py-2 pr-3">Card</th>
          <th scope="col" className="py-2 pr-3">Station</th>
          <th scope="col" className="py-2">State</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} className="border-b border-slate-100">
            <td className="py-2 pr-3">{time(job.createdAt)}</td>
            <td className="py-2 pr-3">
              <Link href={`/teller/jobs/${job.id}`} className="font-medium text-brand-700 underline">
                {job.customerName}
              </Link>
            </td>
            <td className="py-2 pr-3">
              {job.productName}
              {job.panLast4 ? <span className="text-slate-600"> ·•••• {job.panLast4}</span> : null}
            </td>
            <td className="py-2 pr-3">{job.stationLabel}</td>
            <td className="py-2"><JobStateBadge state={job.state} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WorkLists({ mine, queue }: { mine: JobSummary[]; queue: JobSummary[] }) {
  const [state, setState] = useState("");
  const own = useJobs("mine", state, mine);
  const open = useJobs("queue", "", queue);
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <section aria-labelledby="today-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 id="today-heading" className="text-base font-semibold">My cards today</h2>
          <div>
            <label htmlFor="state-filter" className="mr-2 text-sm">Show</label>
            <select id="state-filter" value={state} onChange={(e) => setState(e.target.value)} className="rounded border border-slate-400 px-2 py-1 text-sm">
              <option value="">All states</option>
              {JOB_STATES.map((s) => (
                <option key={s} value={s}>{STATE_LABEL[s]}</option>
              ))}
            </select>
          </div>
        </div>
        <JobTable jobs={own.data ?? []} caption="My cards today" />
      </section>
      <section aria-labelledby="queue-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="queue-heading" className="mb-3 text-base font-semibold">Branch queue (in production)</h2>
        <JobTable jobs={open.data ?? []} caption="Branch queue" />
      </section>
    </div>
  );
}

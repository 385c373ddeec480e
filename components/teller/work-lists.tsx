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
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead>Card</TableHead>
          <TableHead>Station</TableHead>
          <TableHead>State</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={job.id}>
            <TableCell>{time(job.createdAt)}</TableCell>
            <TableCell>
              <Link href={`/teller/jobs/${job.id}`} className="font-medium text-brand-700 underline">
                {job.customerName}
              </Link>
            </TableCell>
            <TableCell>
              {job.productName}
              {job.panLast4 ? <span className="text-slate-600"> ·•••• {job.panLast4}</span> : null}
            </TableCell>
            <TableCell>{job.stationLabel}</TableCell>
            <TableCell>
              <JobStateBadge state={job.state} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function WorkLists({ mine, queue }: { mine: JobSummary[]; queue: JobSummary[] }) {
  const [state, setState] = useState("");
  const own = useJobs("mine", state, mine);
  const open = useJobs("queue", "", queue);
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card
        title="My cards today"
        headingId="today-heading"
        className="min-w-0"
        actions={
          <div className="flex items-center gap-2">
            <Label htmlFor="state-filter">Show</Label>
            <Select id="state-filter" inline sizing="sm" value={state} onChange={(e) => setState(e.target.value)}>
              <option value="">All states</option>
              {JOB_STATES.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABEL[s]}
                </option>
              ))}
            </Select>
          </div>
        }
      >
        <JobTable jobs={own.data ?? []} caption="My cards today" />
      </Card>
      <Card title="Branch queue (in production)" headingId="queue-heading" className="min-w-0">
        <JobTable jobs={open.data ?? []} caption="Branch queue" />
      </Card>
    </div>
  );
}

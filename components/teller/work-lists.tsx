"use client";

// The branch's requests of today (every teller's, filterable by state and by teller) and the
// branch's open queue. The live channel moves their rows as events come; new and ended jobs
// refetch the lists. Each row opens the request. States read truthfully (lib/issuance/list-filter.ts):
// canceled, retried and handed-over requests say so, and only a produced card shows its number.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { JobSummary } from "@/db/queries/job-views";
import { changesTotals, liveMeta } from "@/components/live/live-query";
import { applyEventToRows } from "@/lib/events/apply-event";
import { LIST_GROUPS, cardWasProduced, listGroup, type ListGroup } from "@/lib/issuance/list-filter";
import { jobOutcome } from "@/lib/issuance/outcome";
import { Time } from "@/components/branch-time";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JobStateBadge } from "./job-state-badge";

type Scope = "today" | "queue";

function useJobs(scope: Scope, initial: JobSummary[]) {
  const t = useTranslations("WorkLists");
  return useQuery({
    queryKey: ["jobs", scope],
    initialData: initial,
    queryFn: async () => {
      const response = await fetch(`/api/teller/jobs?scope=${scope}`, { cache: "no-store" });
      if (!response.ok) throw new Error(t("loadFailed"));
      return ((await response.json()) as { jobs: JobSummary[] }).jobs;
    },
    meta: liveMeta<JobSummary[]>({ apply: applyEventToRows, refetch: changesTotals }),
  });
}

/**
 * The state as every screen says it (lib/issuance/outcome.ts): the job's own while it is open or
 * failed, else what became of it (Canceled, Retried, Moved), in the badge the job page shows.
 */
function RowState({ job }: { job: JobSummary }) {
  return <JobStateBadge state={job.state} outcome={jobOutcome(job)} />;
}

function JobTable({ jobs, caption, teller }: { jobs: JobSummary[]; caption: string; teller?: boolean }) {
  const t = useTranslations("WorkLists");
  if (jobs.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("time")}</TableHead>
          <TableHead>{t("request")}</TableHead>
          <TableHead>{t("card")}</TableHead>
          <TableHead>{t("station")}</TableHead>
          {teller ? <TableHead>{t("teller")}</TableHead> : null}
          <TableHead>{t("state")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={job.id} data-testid="work-row">
            <TableCell>
              <Time value={job.createdAt} format="time" />
            </TableCell>
            <TableCell>
              <Link href={`/teller/jobs/${job.id}`} className="font-medium text-brand-700 underline">
                {job.customerName}
              </Link>
            </TableCell>
            <TableCell>
              {job.productName}
              {/* A request that never produced a card has no card number to show (UX walk T10). */}
              {cardWasProduced(job.state) && job.panLast4 ? (
                <span className="text-slate-600"> •••• {job.panLast4}</span>
              ) : null}
            </TableCell>
            <TableCell>{job.stationLabel}</TableCell>
            {teller ? <TableCell>{job.requestedByName}</TableCell> : null}
            <TableCell>
              <RowState job={job} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function WorkLists({ today, queue, me }: { today: JobSummary[]; queue: JobSummary[]; me: string }) {
  const t = useTranslations("WorkLists");
  const v = useTranslations("Vocab");
  const [outcome, setOutcome] = useState<ListGroup | "">("");
  const [teller, setTeller] = useState("");
  const all = useJobs("today", today).data;
  const open = useJobs("queue", queue).data;
  const tellers = [...new Map(all.map((j) => [j.requestedBy, j.requestedByName])).entries()]
    .filter(([id]) => id !== me)
    .sort((a, b) => a[1].localeCompare(b[1]));
  const shown = all.filter(
    (j) => (outcome === "" || listGroup(j) === outcome) && (teller === "" || j.requestedBy === teller),
  );
  return (
    <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
      <Card
        title={t("today")}
        headingId="today-heading"
        className="min-w-0"
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Label htmlFor="state-filter">{t("show")}</Label>
            <Select
              id="state-filter"
              inline
              sizing="sm"
              value={outcome}
              onChange={(e) => setOutcome(LIST_GROUPS.find((o) => o === e.target.value) ?? "")}
            >
              <option value="">{t("allStates")}</option>
              {LIST_GROUPS.map((o) => (
                <option key={o} value={o}>
                  {v(`listGroup.${o}`)}
                </option>
              ))}
            </Select>
            <Label htmlFor="teller-filter">{t("teller")}</Label>
            <Select id="teller-filter" inline sizing="sm" value={teller} onChange={(e) => setTeller(e.target.value)}>
              <option value="">{t("everyTeller")}</option>
              <option value={me}>{t("me")}</option>
              {tellers.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </Select>
          </div>
        }
      >
        <JobTable jobs={shown} caption={t("todayCaption")} teller />
      </Card>
      <Card title={t("queue")} headingId="queue-heading" className="min-w-0">
        <JobTable jobs={open} caption={t("queueCaption")} />
      </Card>
    </div>
  );
}

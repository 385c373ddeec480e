import Link from "next/link";
import type { BranchJob } from "@/db/queries/branch-jobs";
import { jobOutcome } from "@/lib/issuance/outcome";
import { capitalised, problemCode, problemLabel } from "@/lib/issuance/station-problems";
import { ProblemWords } from "@/components/problem-words";
import { PRODUCED_STATES } from "@/lib/issuance/states";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Time } from "@/components/branch-time";
import { formatDuration } from "./format";

type Job = Omit<BranchJob, "createdAt" | "completedAt" | "canceledAt" | "producedAfterCancelAt"> & {
  createdAt: string;
  completedAt: string | null;
  canceledAt: string | null;
  producedAfterCancelAt: string | null;
};

/**
 * `canOpenJobs`: the viewer may open a request's page (/teller/jobs/[id], the teller area, which
 * managers share; admins do not), so each row links to it from the name on the card.
 */
export function BoardJobsTable({ jobs, canOpenJobs = false }: { jobs: Job[]; canOpenJobs?: boolean }) {
  if (jobs.length === 0) return <p className="text-slate-700">No card has been requested in this branch yet.</p>;
  return (
    <Table caption="Latest card requests of the branch, newest first" minWidth="min-w-[48rem]">
      <TableHeader>
        <TableRow>
          <TableHead>Requested</TableHead>
          <TableHead>Name on card</TableHead>
          <TableHead>Product</TableHead>
          <TableHead>Station</TableHead>
          <TableHead>Teller</TableHead>
          <TableHead>State</TableHead>
          <TableHead numeric>Time to card</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((j) => {
          // Only a failure nobody retried, moved or canceled is shown as one (needs action).
          const outcome = jobOutcome(j);
          const failed = outcome.kind === "failed" || outcome.kind === "destroy";
          return (
            <TableRow key={j.id}>
              <TableCell>
                <Time value={j.createdAt} format="time" />
              </TableCell>
              <TableCell className="font-mono">
                {canOpenJobs ? (
                  <Link href={`/teller/jobs/${j.id}`} className="text-brand-700 underline">
                    {j.nameOnCard}
                    <span className="sr-only">: open the request</span>
                  </Link>
                ) : (
                  j.nameOnCard
                )}
              </TableCell>
              <TableCell>
                {j.product}
                {j.panLast4 ? <span className="text-slate-700"> ··{j.panLast4}</span> : null}
              </TableCell>
              <TableCell>{j.station}</TableCell>
              <TableCell>{j.teller}</TableCell>
              <TableCell className={failed ? "font-semibold text-red-800" : undefined}>
                {failed ? <span aria-hidden>⚠ </span> : null}
                {outcome.label}
                {failed ? (
                  <span className="block text-xs font-normal">
                    <ProblemWords label={capitalised(problemLabel(j))} codes={[problemCode(j)]} />
                  </span>
                ) : null}
              </TableCell>
              <TableCell numeric>
                {PRODUCED_STATES.includes(j.state) && j.completedAt
                  ? formatDuration((Date.parse(j.completedAt) - Date.parse(j.createdAt)) / 1000)
                  : "—"}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

import Link from "next/link";
import type { JobSummary } from "@/db/queries/job-views";
import { jobOutcome } from "@/lib/issuance/outcome";
import { cardWasProduced } from "@/lib/issuance/list-filter";
import { REASON_LABEL } from "@/lib/issuance/reasons";
import { PRODUCED_STATES } from "@/lib/issuance/states";
import { Time } from "@/components/branch-time";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JobStateBadge } from "./job-state-badge";

/** The customer's cards (produced ones first) and every request made for them. */
export function CardHistory({ jobs }: { jobs: JobSummary[] }) {
  const cards = jobs.filter((j) => PRODUCED_STATES.includes(j.state));
  return (
    <Card
      title="Cards and requests"
      headingId="cards-heading"
      description={
        cards.length > 0
          ? `Cards issued here: ${cards.map((c) => `${c.productName} •••• ${c.panLast4 ?? "????"}`).join(", ")}.`
          : undefined
      }
    >
      {jobs.length === 0 ? (
        <p className="text-slate-700">No card has been issued to this customer at the branch yet.</p>
      ) : (
        <Table caption="Card requests">
          <TableHeader>
            <TableRow>
              <TableHead>Date</TableHead>
              <TableHead>Card</TableHead>
              <TableHead>Reason</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {jobs.map((job) => (
              <TableRow key={job.id}>
                <TableCell>
                  <Link href={`/teller/jobs/${job.id}`} className="text-brand-700 underline">
                    <Time value={job.createdAt} format="dateTime" />
                  </Link>
                </TableCell>
                <TableCell>
                  {job.productName}
                  {cardWasProduced(job.state) && job.panLast4 ? ` •••• ${job.panLast4}` : ""}
                </TableCell>
                <TableCell>{REASON_LABEL[job.reason]}</TableCell>
                <TableCell>
                  <JobStateBadge state={job.state} outcome={jobOutcome(job)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

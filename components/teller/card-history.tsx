import Link from "next/link";
import type { CustomerCard } from "@/db/queries/customer-cards";
import type { JobSummary } from "@/db/queries/job-views";
import { CARD_STATUS_LABEL, cardName } from "@/lib/issuance/card-status";
import { jobOutcome } from "@/lib/issuance/outcome";
import { cardWasProduced } from "@/lib/issuance/list-filter";
import { REASON_LABEL } from "@/lib/issuance/reasons";
import { Time } from "@/components/branch-time";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JobStateBadge } from "./job-state-badge";

const STATUS_SYMBOL: Record<CustomerCard["status"], string> = {
  active: "✓",
  inactive: "○",
  blocked: "✕",
  replaced: "↺",
  expired: "⌛",
};

/** The customer's produced cards with their status, then every request made at this branch. */
export function CardHistory({ jobs, cards }: { jobs: JobSummary[]; cards: CustomerCard[] }) {
  return (
    <Card title="Cards and requests" headingId="cards-heading">
      <h3 className="text-sm font-semibold">Cards</h3>
      {cards.length > 0 ? (
        <Table caption="The customer's cards">
          <TableHeader>
            <TableRow>
              <TableHead>Card</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Produced</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cards.map((card) => (
              <TableRow key={card.jobId} data-testid="customer-card">
                <TableCell>{cardName(card)}</TableCell>
                <TableCell>
                  <span aria-hidden>{STATUS_SYMBOL[card.status]} </span>
                  {CARD_STATUS_LABEL[card.status]}
                  {card.replacementPending ? " · replacement under way" : ""}
                </TableCell>
                <TableCell>
                  <Time value={card.producedAt} format="date" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-slate-700">This customer has no card yet.</p>
      )}
      <h3 className="mt-4 text-sm font-semibold">Requests at this branch</h3>
      {jobs.length === 0 ? (
        <p className="text-slate-700">No card has been requested for this customer at the branch yet.</p>
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

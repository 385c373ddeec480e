import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CustomerCard } from "@/db/queries/customer-cards";
import type { JobSummary } from "@/db/queries/job-views";
import { cardName } from "@/lib/issuance/card-status";
import { jobOutcome } from "@/lib/issuance/outcome";
import { cardWasProduced } from "@/lib/issuance/list-filter";
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
  const t = useTranslations("CardHistory");
  const v = useTranslations("Vocab");
  return (
    <Card title={t("title")} headingId="cards-heading">
      <h3 className="text-sm font-semibold">{t("cards")}</h3>
      {cards.length > 0 ? (
        <Table caption={t("cardsCaption")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("card")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("produced")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cards.map((card) => (
              <TableRow key={card.jobId} data-testid="customer-card">
                <TableCell>{cardName(card)}</TableCell>
                <TableCell>
                  <span aria-hidden>{STATUS_SYMBOL[card.status]} </span>
                  {v(`cardStatus.${card.status}`)}
                  {card.replacementPending ? t("replacementUnderWay") : ""}
                </TableCell>
                <TableCell>
                  <Time value={card.producedAt} format="date" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-slate-700">{t("noCard")}</p>
      )}
      <h3 className="mt-4 text-sm font-semibold">{t("requests")}</h3>
      {jobs.length === 0 ? (
        <p className="text-slate-700">{t("noRequest")}</p>
      ) : (
        <Table caption={t("requestsCaption")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("date")}</TableHead>
              <TableHead>{t("card")}</TableHead>
              <TableHead>{t("reason")}</TableHead>
              <TableHead>{t("status")}</TableHead>
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
                <TableCell>{v(`issuanceReason.${job.reason}`)}</TableCell>
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

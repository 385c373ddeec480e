import Link from "next/link";
import { useTranslations } from "next-intl";
import type { UnclaimedCard } from "@/lib/board";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Time } from "@/components/branch-time";
import { SpoilCardButton } from "./spoil-card-button";

/**
 * Cards produced but not handed over by the branch's closing time: they lie in a station's tray
 * or the safe, and the manager accounts for each one. Moves with the board's live updates.
 */
export function NotHandedOver({ cards, canSpoil = false }: { cards: UnclaimedCard[]; canSpoil?: boolean }) {
  const t = useTranslations("Board");
  return (
    <Card
      title={t("unclaimedHeading")}
      headingId="not-handed-over-heading"
      description={t("unclaimedText")}
      className="min-w-0"
    >
      {cards.length === 0 ? (
        <p className="text-slate-700" data-testid="not-handed-over-empty">
          {t("unclaimedNone")}
        </p>
      ) : (
        <Table caption={t("unclaimedCaption")} minWidth="min-w-[40rem]">
          <TableHeader>
            <TableRow>
              <TableHead>{t("produced")}</TableHead>
              <TableHead>{t("card")}</TableHead>
              <TableHead>{t("nameOnCard")}</TableHead>
              <TableHead>{t("station")}</TableHead>
              <TableHead>{t("teller")}</TableHead>
              {canSpoil ? (
                <TableHead>
                  <span className="sr-only">{t("actions")}</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {cards.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link href={`/teller/jobs/${c.id}`} className="text-brand-700 underline">
                    <Time value={c.producedAt} format="dateTime" />
                  </Link>
                </TableCell>
                <TableCell>
                  {c.product}
                  {c.panLast4 ? <span className="text-slate-700"> •••• {c.panLast4}</span> : null}
                </TableCell>
                <TableCell className="font-mono">{c.nameOnCard}</TableCell>
                <TableCell>{c.station}</TableCell>
                <TableCell>{c.teller}</TableCell>
                {canSpoil ? (
                  <TableCell>
                    <SpoilCardButton jobId={c.id} card={`${c.product}${c.panLast4 ? ` •••• ${c.panLast4}` : ""}`} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

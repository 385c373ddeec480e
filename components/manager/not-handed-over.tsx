import Link from "next/link";
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
  return (
    <Card
      title="Produced, not handed over"
      headingId="not-handed-over-heading"
      description="Cards produced on an earlier day, or today after the branch's closing time, that no teller has handed over."
      className="min-w-0"
    >
      {cards.length === 0 ? (
        <p className="text-slate-700" data-testid="not-handed-over-empty">
          Every card produced before closing time has been handed over.
        </p>
      ) : (
        <Table caption="Cards produced, not handed over, oldest first" minWidth="min-w-[40rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Produced</TableHead>
              <TableHead>Card</TableHead>
              <TableHead>Name on card</TableHead>
              <TableHead>Station</TableHead>
              <TableHead>Teller</TableHead>
              {canSpoil ? (
                <TableHead>
                  <span className="sr-only">Actions</span>
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

import type { CountRecord } from "@/lib/board";
import { formatCalendarDate } from "@/lib/datetime";
import { MOVEMENT_ORDER, placeLabel, signed } from "@/lib/stock/end-of-day";
import { MOVEMENT_LABEL } from "@/lib/stock/labels";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Time } from "@/components/branch-time";

/** Past end-of-day counts, newest day first: breakdown, counted figure, both names, explanation. */
export function EndOfDayHistory({ counts }: { counts: CountRecord[] }) {
  if (counts.length === 0) return <p className="text-slate-700">No count in this period.</p>;
  return (
    <Table caption="End-of-day counts, newest day first" minWidth="min-w-[72rem]" density="compact">
      <TableHeader>
        <TableRow>
          <TableHead>Day</TableHead>
          <TableHead>Place</TableHead>
          <TableHead>Opening</TableHead>
          {MOVEMENT_ORDER.map((m) => (
            <TableHead key={m}>{MOVEMENT_LABEL[m]}</TableHead>
          ))}
          <TableHead>Expected</TableHead>
          <TableHead>Counted</TableHead>
          <TableHead>Difference</TableHead>
          <TableHead>Counted by / confirmed by</TableHead>
          <TableHead>Explanation</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {counts.map((c) => {
          const difference = c.counted - c.expected;
          return (
            <TableRow key={c.id}>
              <TableCell>{formatCalendarDate(c.businessDate)}</TableCell>
              <TableCell>
                {placeLabel(c)}
                <span className="block text-xs text-slate-700">{c.stockTypeName}</span>
              </TableCell>
              <TableCell className="tabular-nums">{c.opening}</TableCell>
              {MOVEMENT_ORDER.map((m) => (
                <TableCell key={m} className="tabular-nums">
                  {signed(c.movements[m])}
                </TableCell>
              ))}
              <TableCell className="tabular-nums">{c.expected}</TableCell>
              <TableCell className="tabular-nums">{c.counted}</TableCell>
              <TableCell className={difference === 0 ? "tabular-nums" : "font-semibold text-red-800 tabular-nums"}>
                {difference === 0 ? "balanced" : signed(difference)}
              </TableCell>
              <TableCell>
                {c.countedBy} / {c.confirmedBy}
                <span className="block text-xs text-slate-700">
                  <Time value={c.at} format="dateTime" />
                </span>
              </TableCell>
              <TableCell>
                {c.explanation ? (
                  <>
                    {c.explanation}
                    <span className="block text-xs text-slate-700">
                      {c.explainedBy}, {c.explainedAt ? <Time value={c.explainedAt} format="dateTime" /> : null}
                    </span>
                  </>
                ) : difference === 0 ? (
                  ""
                ) : (
                  <span className="font-semibold text-red-800">Not explained yet</span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

import Link from "next/link";
import type { ReportException } from "@/lib/reports/load";
import { HANDLING_WORDS } from "@/lib/reports/labels";
import { ProblemWords } from "@/components/problem-words";
import { Time } from "@/components/branch-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/**
 * Failed requests in plain words, the raw code in a tooltip. `canOpenJobs`: the viewer may open
 * a request's page (managers share the teller area; admins do not).
 */
export function ExceptionsList({
  rows,
  caption,
  empty,
  canOpenJobs,
  showHandling,
}: {
  rows: ReportException[];
  caption: string;
  empty: string;
  canOpenJobs: boolean;
  showHandling: boolean;
}) {
  if (rows.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <Table caption={caption} density="compact" minWidth="min-w-[44rem]" keyboardScroll={!canOpenJobs}>
      <TableHeader>
        <TableRow>
          <TableHead>Failed</TableHead>
          <TableHead>What happened</TableHead>
          {showHandling ? <TableHead>Since then</TableHead> : null}
          <TableHead>Product</TableHead>
          <TableHead>Station</TableHead>
          <TableHead>Teller</TableHead>
          <TableHead>Request</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((e) => (
          <TableRow key={e.id}>
            <TableCell>
              <Time value={e.completedAt} format="dateTime" />
            </TableCell>
            <TableCell>
              <ProblemWords label={e.words} codes={[e.code]} />
            </TableCell>
            {showHandling ? <TableCell>{HANDLING_WORDS[e.handling]}</TableCell> : null}
            <TableCell>{e.product}</TableCell>
            <TableCell>{e.station}</TableCell>
            <TableCell>{e.teller}</TableCell>
            <TableCell className="font-mono text-xs">
              {canOpenJobs ? (
                <Link href={`/teller/jobs/${e.id}`} className="text-brand-700 underline">
                  {e.reference}
                  <span className="sr-only">: open the request</span>
                </Link>
              ) : (
                e.reference
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

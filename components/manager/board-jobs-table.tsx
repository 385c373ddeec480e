import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { BranchJob } from "@/db/queries/branch-jobs";
import { jobOutcome } from "@/lib/issuance/outcome";
import { problemCode, problemKind } from "@/lib/issuance/station-problems";
import { ProblemWords } from "@/components/problem-words";
import { PRODUCED_STATES } from "@/lib/issuance/states";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Time } from "@/components/branch-time";
import { capitalisedIn } from "@/lib/capitalised";
import { useDuration } from "./format";

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
  const t = useTranslations("Board");
  const words = useTranslations();
  const locale = useLocale();
  const duration = useDuration();
  if (jobs.length === 0) return <p className="text-slate-700">{t("noJobs")}</p>;
  return (
    <Table caption={t("jobsCaption")} minWidth="min-w-[48rem]">
      <TableHeader>
        <TableRow>
          <TableHead>{t("requested")}</TableHead>
          <TableHead>{t("nameOnCard")}</TableHead>
          <TableHead>{t("product")}</TableHead>
          <TableHead>{t("station")}</TableHead>
          <TableHead>{t("teller")}</TableHead>
          <TableHead>{t("state")}</TableHead>
          <TableHead numeric>{t("timeToCard")}</TableHead>
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
                    <span className="sr-only">{t("openRequest")}</span>
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
                {/* What became of the request has its own words (the teller's badge says the same). */}
                {outcome.kind === "canceled" ||
                outcome.kind === "moved" ||
                outcome.kind === "retried" ||
                outcome.kind === "destroy"
                  ? words(`Outcome.${outcome.kind}`)
                  : words(`Vocab.jobState.${j.state}`)}
                {failed ? (
                  <span className="block text-xs font-normal">
                    <ProblemWords
                      label={capitalisedIn(words(`Vocab.problem.${problemKind(j)}`), locale)}
                      codes={[problemCode(j)]}
                    />
                  </span>
                ) : null}
              </TableCell>
              <TableCell numeric>
                {PRODUCED_STATES.includes(j.state) && j.completedAt
                  ? duration((Date.parse(j.completedAt) - Date.parse(j.createdAt)) / 1000)
                  : "—"}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

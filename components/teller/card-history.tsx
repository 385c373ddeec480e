import Link from "next/link";
import type { JobSummary } from "@/db/queries/job-views";
import { REASON_LABEL } from "@/lib/issuance/reasons";
import { JobStateBadge } from "./job-state-badge";

/** The customer's cards (produced ones first) and every request made for them. */
export function CardHistory({ jobs }: { jobs: JobSummary[] }) {
  const cards = jobs.filter((j) => j.state === "done");
  return (
    <section aria-labelledby="cards-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="cards-heading" className="text-base font-semibold">Cards and requests</h2>
      {cards.length > 0 ? (
        <p className="mt-1 text-sm text-slate-700">
          Cards issued here: {cards.map((c) => `${c.productName} •••• ${c.panLast4 ?? "????"}`).join(", ")}.
        </p>
      ) : null}
      {jobs.length === 0 ? (
        <p className="mt-2 text-slate-700">No card has been issued to this customer at the branch yet.</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Card requests</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3">Date</th>
              <th scope="col" className="py-2 pr-3">Card</th>
              <th scope="col" className="py-2 pr-3">Reason</th>
              <th scope="col" className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">
                  <Link href={`/teller/jobs/${job.id}`} className="text-brand-700 underline">
                    {new Date(job.createdAt).toLocaleString()}
                  </Link>
                </td>
                <td className="py-2 pr-3">
                  {job.productName}
                  {job.panLast4 ? ` •••• ${job.panLast4}` : ""}
                </td>
                <td className="py-2 pr-3">{REASON_LABEL[job.reason]}</td>
                <td className="py-2"><JobStateBadge state={job.state} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type { BranchJob } from "@/db/queries/branch-jobs";
import { FAILED_STATES } from "@/lib/vocabulary";
import { formatDuration, formatTime, stateLabel } from "./format";

type Job = Omit<BranchJob, "createdAt" | "completedAt"> & { createdAt: string; completedAt: string | null };

export function BoardJobsTable({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) return <p className="text-slate-700">No card has been requested in this branch yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">Latest card requests of the branch, newest first</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4">Requested</th>
            <th scope="col" className="py-2 pr-4">Name on card</th>
            <th scope="col" className="py-2 pr-4">Product</th>
            <th scope="col" className="py-2 pr-4">Station</th>
            <th scope="col" className="py-2 pr-4">Teller</th>
            <th scope="col" className="py-2 pr-4">State</th>
            <th scope="col" className="py-2">Time to card</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const failed = FAILED_STATES.includes(j.state);
            return (
              <tr key={j.id} className="border-b border-slate-100">
                <td className="py-2 pr-4">{formatTime(j.createdAt)}</td>
                <td className="py-2 pr-4 font-mono">{j.nameOnCard}</td>
                <td className="py-2 pr-4">{j.product}{j.panLast4 ? <span className="text-slate-700"> ··{j.panLast4}</span> : null}</td>
                <td className="py-2 pr-4">{j.station}</td>
                <td className="py-2 pr-4">{j.teller}</td>
                <td className={failed ? "py-2 pr-4 font-semibold text-red-800" : "py-2 pr-4"}>
                  {failed ? <span aria-hidden>⚠ </span> : null}
                  {stateLabel(j.state)}
                  {failed && j.errorCode ? <span className="block text-xs font-normal">{j.errorCode}</span> : null}
                </td>
                <td className="py-2">
                  {j.state === "done" && j.completedAt ? formatDuration((Date.parse(j.completedAt) - Date.parse(j.createdAt)) / 1000) : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

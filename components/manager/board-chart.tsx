import type { DayStats } from "@/db/queries/branch-stats";

const dayName = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/**
 * Cards issued and exceptions per day as CSS bars. The bars are hidden from screen readers; the
 * same numbers are in the table below them, which is the chart's text alternative.
 */
export function BoardChart({ days }: { days: DayStats[] }) {
  const max = Math.max(1, ...days.map((d) => d.issued + d.exceptions));
  return (
    <figure aria-labelledby="chart-caption">
      <figcaption id="chart-caption" className="mb-2 text-sm font-semibold">Cards per day, last 7 days</figcaption>
      <div aria-hidden className="flex h-40 items-end gap-2 border-b border-slate-300 pb-1">
        {days.map((d) => (
          <div key={d.day} className="flex h-full flex-1 flex-col items-center justify-end gap-0.5">
            <span className="text-xs text-slate-700">{d.issued + d.exceptions || ""}</span>
            {/* Exceptions are hatched as well as red, so they differ without colour. */}
            <div
              className="w-full max-w-12 rounded-t bg-red-700"
              style={{ height: `${(d.exceptions / max) * 100}%`, backgroundImage: "repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,.55) 3px 5px)" }}
            />
            <div className="w-full max-w-12 bg-brand-600" style={{ height: `${(d.issued / max) * 100}%` }} />
          </div>
        ))}
      </div>
      <div aria-hidden className="mt-1 flex gap-2">
        {days.map((d) => (
          <span key={d.day} className="flex-1 text-center text-xs text-slate-700">{dayName(d.day)}</span>
        ))}
      </div>
      <p aria-hidden className="mt-2 flex gap-4 text-xs text-slate-700">
        <span><span className="mr-1 inline-block h-3 w-3 bg-brand-600 align-middle" />Issued (solid)</span>
        <span><span className="mr-1 inline-block h-3 w-3 bg-red-700 align-middle" style={{ backgroundImage: "repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,.55) 3px 5px)" }} />Exceptions (hatched)</span>
      </p>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">Cards issued and exceptions per day</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-4">Day</th>
            <th scope="col" className="py-1 pr-4">Issued</th>
            <th scope="col" className="py-1 pr-4">Exceptions</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 font-normal">{dayName(d.day)}</th>
              <td className="py-1 pr-4">{d.issued}</td>
              <td className="py-1 pr-4">{d.exceptions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import type { StepResult, StepStatus } from "@/lib/d1/preflight";
import { cn } from "@/lib/utils";

const LABEL: Record<StepStatus, string> = { ok: "Passed", warn: "Warning", fail: "Failed", skip: "Skipped" };
const TONE: Record<StepStatus, string> = {
  ok: "bg-green-100 text-green-900",
  warn: "bg-amber-100 text-amber-900",
  fail: "bg-red-100 text-red-900",
  skip: "bg-slate-100 text-slate-800",
};

/** One row per pre-flight step: its result in words (colour is only a second signal) and its facts. */
export function D1CheckSteps({ steps, caption }: { steps: StepResult[]; caption: string }) {
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>Step</TableHead>
          <TableHead>Result</TableHead>
          <TableHead>What the check found</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {steps.map((step) => (
          <TableRow key={step.id}>
            <TableRowHead>{step.title}</TableRowHead>
            <TableCell>
              <span className={cn("rounded px-2 py-0.5 text-sm font-medium", TONE[step.status])}>
                {LABEL[step.status]}
              </span>
            </TableCell>
            <TableCell>
              <p>{step.message}</p>
              {Object.keys(step.details).length > 0 ? (
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
                  {Object.entries(step.details).map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="font-mono">{key}</dt>
                      <dd className="font-mono break-all">{value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

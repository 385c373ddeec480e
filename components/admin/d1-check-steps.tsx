import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import type { StepResult, StepStatus } from "@/lib/d1/preflight";
import { renderText } from "@/lib/d1/preflight-text";
import { formatCalendarDate } from "@/lib/datetime";
import { cn } from "@/lib/utils";

const TONE: Record<StepStatus, string> = {
  ok: "bg-green-100 text-green-900",
  warn: "bg-amber-100 text-amber-900",
  fail: "bg-red-100 text-red-900",
  skip: "bg-slate-100 text-slate-800",
};

/** One row per pre-flight step: its result in words (colour is only a second signal) and its facts. */
export async function D1CheckSteps({ steps, caption }: { steps: StepResult[]; caption: string }) {
  const t = await getTranslations("D1Check");
  const locale = await getLocale();
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("step")}</TableHead>
          <TableHead>{t("result")}</TableHead>
          <TableHead>{t("found")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {steps.map((step) => (
          <TableRow key={step.id}>
            <TableRowHead>{t(`steps.${step.id}`)}</TableRowHead>
            <TableCell>
              <span className={cn("rounded px-2 py-0.5 text-sm font-medium", TONE[step.status])}>
                {t(`status.${step.status}`)}
              </span>
            </TableCell>
            <TableCell>
              <p>
                {step.texts
                  .map((m) =>
                    renderText(
                      (key, values) => t(key, values),
                      m,
                      (d) => formatCalendarDate(d, locale),
                    ),
                  )
                  .join(" ")}
              </p>
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

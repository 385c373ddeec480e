import type { Branch } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Field, InputField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/**
 * GET form: the range lives in the URL, so a report can be bookmarked and its CSV asks for the
 * same days. Admins choose the branch; a manager's is their own.
 */
export function ReportFilters({
  from,
  to,
  grain,
  errors,
  branches,
  branchId,
}: {
  from: string;
  to: string;
  grain: string;
  errors: Record<string, string>;
  branches?: Pick<Branch, "id" | "name" | "code">[];
  branchId: string;
}) {
  const err = (field: string) => (errors[field] ? [errors[field]] : undefined);
  return (
    <form method="get" aria-label="Choose the report's days" className="flex flex-wrap items-end gap-3">
      {branches ? (
        <Field id="report-branch" label="Branch" className="min-w-48">
          {(control) => (
            <Select {...control} name="branchId" defaultValue={branchId}>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.code})
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <InputField id="report-from" label="From" name="from" type="date" defaultValue={from} errors={err("from")} />
      <InputField id="report-to" label="To (included)" name="to" type="date" defaultValue={to} errors={err("to")} />
      <Field id="report-grain" label="Per" errors={err("grain")}>
        {(control) => (
          <Select {...control} name="grain" defaultValue={grain}>
            <option value="day">Day</option>
            <option value="week">Week (Monday to Sunday)</option>
          </Select>
        )}
      </Field>
      {/* Aligned with the fields, whose error line sits below them. */}
      <div className="pb-6">
        <Button type="submit">Show</Button>
      </div>
    </form>
  );
}

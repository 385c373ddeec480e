import type { Branch } from "@/db/schema";
import { AUDIT_ENTITIES, type AuditFilter } from "@/lib/validations/audit";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

/** GET form: the filters live in the URL, so a filtered view can be bookmarked and exported. */
export function AuditFilters({
  filter,
  branches,
  hidden,
}: {
  filter: AuditFilter;
  branches?: Branch[];
  hidden?: Record<string, string>;
}) {
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter the audit log">
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div>
        <Label htmlFor="audit-actor">Who (e-mail contains)</Label>
        <Input id="audit-actor" name="actor" defaultValue={filter.actor} className="mt-1" />
      </div>
      <div>
        <Label htmlFor="audit-action">Action starts with</Label>
        <Input
          id="audit-action"
          name="action"
          defaultValue={filter.action}
          placeholder="e.g. station."
          className="mt-1"
        />
      </div>
      <div>
        <Label htmlFor="audit-entity">Entity</Label>
        <Select id="audit-entity" name="entity" defaultValue={filter.entity ?? ""} className="mt-1">
          <option value="">Any</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </Select>
      </div>
      {branches ? (
        <div>
          <Label htmlFor="audit-branch">Branch</Label>
          <Select id="audit-branch" name="branchId" defaultValue={filter.branchId ?? ""} className="mt-1">
            <option value="">Any</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.code})
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      <div>
        <Label htmlFor="audit-from">From (UTC date)</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={filter.from} className="mt-1" />
      </div>
      <div>
        <Label htmlFor="audit-to">To (UTC date)</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={filter.to} className="mt-1" />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Button asChild variant="secondary">
          <a href="?">Clear</a>
        </Button>
      </div>
    </form>
  );
}

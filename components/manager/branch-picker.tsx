import { useTranslations } from "next-intl";
import type { Branch } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

/** For admins, who oversee every branch: a plain GET form, so it works as a link would. */
export function BranchPicker({ branches, current }: { branches: Branch[]; current: string }) {
  const t = useTranslations("BranchPicker");
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div>
        <Label htmlFor="branch-picker">{t("label")}</Label>
        <Select id="branch-picker" name="branchId" defaultValue={current} className="mt-1">
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.code})
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}

import { useLocale, useTranslations } from "next-intl";
import type { NamedAuditEntry } from "@/db/queries/audit";
import { codeWords, isKnownAuditAction } from "@/lib/audit-actions";
import { auditChanges, fieldWords, isKnownField, type AuditWords, type NameOf } from "@/lib/audit-diff";
import { DEFAULT_TIME_ZONE, formatDate, formatTimeWithSeconds } from "@/lib/datetime";
import { isRole } from "@/lib/vocabulary";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const ENTITIES = ["branch", "station", "card_product", "user", "issuance_job", "sso_group"] as const;
const isEntity = (type: string): type is (typeof ENTITIES)[number] => (ENTITIES as readonly string[]).includes(type);

/** "field: before → after" for each changed field; nothing for an entry that changed no field. */
function Changes({ entry, nameOf }: { entry: NamedAuditEntry; nameOf: NameOf }) {
  const t = useTranslations("AuditDiff");
  const words: AuditWords = {
    field: (name) => (isKnownField(name) ? t(`fields.${name}`) : fieldWords(name)),
    yes: t("yes"),
    no: t("no"),
    none: t("none"),
  };
  const changes = auditChanges(entry.before, entry.after, nameOf, words);
  if (changes.length === 0) return null;
  return (
    <ul className="space-y-0.5">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="font-semibold">{c.field}:</span> <span className="[overflow-wrap:anywhere]">{c.before}</span>{" "}
          <span aria-label={t("changedTo")}>→</span> <span className="[overflow-wrap:anywhere]">{c.after}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * `timeZone`: the branch's for a branch's log; the bank-wide log stays in UTC. `branchName`
 * names branch ids inside the changes (a user's branch, a product's branches).
 */
export function AuditTable({
  entries,
  branchName,
  timeZone = DEFAULT_TIME_ZONE,
}: {
  entries: NamedAuditEntry[];
  branchName: Map<string, string>;
  timeZone?: string;
}) {
  const t = useTranslations("Audit");
  const locale = useLocale();
  const a = useTranslations("AuditAction");
  const roles = useTranslations("Roles");
  if (entries.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  const nameOf: NameOf = (id) => branchName.get(id);
  return (
    <Table caption={t("caption")} minWidth="min-w-[52rem]" keyboardScroll>
      <TableHeader>
        <TableRow>
          <TableHead>{t("when", { zone: timeZone })}</TableHead>
          <TableHead>{t("who")}</TableHead>
          <TableHead>{t("what")}</TableHead>
          <TableHead>{t("about")}</TableHead>
          <TableHead>{t("branch")}</TableHead>
          <TableHead>{t("changes")}</TableHead>
          <TableHead>{t("address")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} className="align-top">
            <TableCell className="whitespace-nowrap">
              <time dateTime={e.at.toISOString()}>
                {`${formatDate(e.at, timeZone, locale)} ${formatTimeWithSeconds(e.at, timeZone)}`}
              </time>
            </TableCell>
            <TableCell>
              {e.actorName ?? e.actorEmail ?? t("system")}
              {e.actorName && e.actorEmail ? (
                <span className="block text-xs text-slate-700">{e.actorEmail}</span>
              ) : null}
              {e.actorRole ? (
                <span className="block text-xs text-slate-700">
                  {isRole(e.actorRole) ? roles(e.actorRole) : e.actorRole}
                </span>
              ) : null}
            </TableCell>
            <TableCell>
              {isKnownAuditAction(e.action) ? a(e.action) : codeWords(e.action)}
              <span className="block font-mono text-xs text-slate-700">{e.action}</span>
            </TableCell>
            <TableCell>
              <span className="block text-xs text-slate-700">
                {isEntity(e.entityType) ? t(`entity.${e.entityType}`) : e.entityType}
              </span>
              {e.entityName ??
                (e.entityId ? <span className="font-mono text-xs [overflow-wrap:anywhere]">{e.entityId}</span> : null)}
            </TableCell>
            <TableCell>{e.branchName ?? "—"}</TableCell>
            <TableCell className="max-w-md text-sm">
              <Changes entry={e} nameOf={nameOf} />
            </TableCell>
            <TableCell className="font-mono text-xs">{e.ip ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

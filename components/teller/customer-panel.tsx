import { useLocale, useTranslations } from "next-intl";
import type { CustomerDetail } from "@/db/queries/customers";
import { Card } from "@/components/ui/card";
import { formatCalendarDate } from "@/lib/datetime";

type Account = { accountNumber: string; kind: string; currency: string };

/** The identity details a teller checks against the customer's ID document. */
export function CustomerPanel({ customer, accounts }: { customer: CustomerDetail; accounts: Account[] }) {
  const t = useTranslations("Customer");
  const locale = useLocale();
  const rows: Array<[string, string]> = [
    [t("customerNumber"), customer.customerNumber],
    [t("dateOfBirth"), formatCalendarDate(customer.dateOfBirth, locale)],
    [t("nationalId"), customer.nationalId],
    [t("phone"), customer.phone],
    [t("email"), customer.email],
    [
      t("address"),
      `${customer.address.line1}, ${customer.address.postalCode} ${customer.address.city}, ${customer.address.country}`,
    ],
  ];
  return (
    <Card title={`${customer.givenName} ${customer.familyName}`} level={1} headingId="customer-heading">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium">{value || "—"}</dd>
          </div>
        ))}
        <dt className="text-slate-600">{t("accounts")}</dt>
        <dd>
          <ul>
            {accounts.map((a) => (
              <li key={a.accountNumber} className="font-mono">
                {a.accountNumber}{" "}
                <span className="font-sans text-slate-600">
                  ({t("accountKind", { kind: a.kind })}, {a.currency})
                </span>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </Card>
  );
}

"use client";

// Debit products: which of the customer's accounts the card is for (the card system links them).
import { useTranslations } from "next-intl";
import type { issueCardAction } from "@/lib/actions/teller/issue-card";
import { fieldNames } from "@/lib/actions/fields";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

export type AccountChoice = { id: string; accountNumber: string; kind: string; currency: string };

const field = fieldNames<typeof issueCardAction>();

export function AccountField(props: {
  productName: string;
  accounts: AccountChoice[];
  accountId: string;
  onChange: (id: string) => void;
  errors?: string[];
}) {
  const t = useTranslations("IssueForm");
  const c = useTranslations("Customer");
  if (props.accounts.length === 0) {
    return <p className="text-sm text-red-800">{t("debitNoAccount", { product: props.productName })}</p>;
  }
  return (
    <Field
      id="accountId"
      label={t("account")}
      hint={t("debitHint", { product: props.productName })}
      errors={props.errors}
    >
      {(control) => (
        <Select
          {...control}
          name={field("accountId")}
          value={props.accountId}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.accountNumber} · {c("accountKind", { kind: a.kind })} · {a.currency}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

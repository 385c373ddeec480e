"use client";

// Replacement and renewal: which of the customer's cards is replaced (with its status; a card
// already replaced, or with a replacement under way, cannot be chosen again) and, for a
// replacement, why. Lost and stolen cards are blocked before the new card is ordered: say so.
import { useTranslations } from "next-intl";
import type { CustomerCard } from "@/db/queries/customer-cards";
import type { issueCardAction } from "@/lib/actions/teller/issue-card";
import { fieldNames } from "@/lib/actions/fields";
import { cardName } from "@/lib/issuance/card-status";
import type { IssuanceReason, ReplacementReason } from "@/lib/vocabulary";
import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field-error";

export type CardChoice = Pick<
  CustomerCard,
  "jobId" | "productId" | "productName" | "panLast4" | "status" | "replaceable" | "replacementPending"
>;

const field = fieldNames<typeof issueCardAction>();
const REPLACEMENT_REASONS: ReplacementReason[] = ["lost", "stolen", "damaged"];

export function ReplacedCardFields(props: {
  cards: CardChoice[];
  reason: Exclude<IssuanceReason, "CREATION">;
  replacesJobId: string;
  onCard: (jobId: string) => void;
  replacementReason: ReplacementReason | "";
  onReplacementReason: (reason: ReplacementReason) => void;
  errors?: Record<string, string[] | undefined>;
}) {
  const { cards, reason } = props;
  const t = useTranslations("IssueForm");
  const v = useTranslations("Vocab");
  const h = useTranslations("CardHistory");
  const chosen = cards.find((c) => c.jobId === props.replacesJobId);
  const blocks =
    reason === "REPLACEMENT" && (props.replacementReason === "lost" || props.replacementReason === "stolen");
  return (
    <>
      <fieldset aria-describedby="replacesJobId-error">
        <legend className="text-sm font-semibold">{t("replaces")}</legend>
        <div className="mt-2 grid gap-2">
          {cards.map((c) => (
            <label key={c.jobId} className="flex items-center gap-2">
              <input
                type="radio"
                name={field("replacesJobId")}
                value={c.jobId}
                checked={c.jobId === props.replacesJobId}
                disabled={!c.replaceable}
                onChange={() => props.onCard(c.jobId)}
              />
              <span>
                {cardName(c)} · {v(`cardStatus.${c.status}`)}
                {c.replacementPending ? h("replacementUnderWay") : ""}
              </span>
            </label>
          ))}
        </div>
        <FieldError id="replacesJobId-error" errors={props.errors?.replacesJobId} />
      </fieldset>
      {reason === "REPLACEMENT" ? (
        <fieldset aria-describedby="replacementReason-error">
          <legend className="text-sm font-semibold">{t("whyReplaced")}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {REPLACEMENT_REASONS.map((r) => (
              <label key={r} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={field("replacementReason")}
                  value={r}
                  checked={r === props.replacementReason}
                  onChange={() => props.onReplacementReason(r)}
                />
                {v(`replacementReason.${r}`)}
              </label>
            ))}
          </div>
          <FieldError id="replacementReason-error" errors={props.errors?.replacementReason} />
        </fieldset>
      ) : (
        <input type="hidden" name={field("replacementReason")} value="expiring" />
      )}
      {blocks && chosen ? <Alert>{t("willBeBlocked", { card: cardName(chosen) })}</Alert> : null}
    </>
  );
}

"use client";

// Issue a card: product (with its face), reason, the name as printed (checked live against the
// product's emboss rules), station; then a review step and one confirm. The request key is
// fixed when the page is rendered, so a double click, a reload or the back button cannot create
// a second job.
import { useTranslations } from "next-intl";
import { useActionState, useCallback, useState } from "react";
import type { StationPick } from "@/lib/stations/health";
import type { EmbossRules } from "@/db/schema";
import { issueCardAction } from "@/lib/actions/teller/issue-card";
import { fieldNames } from "@/lib/actions/fields";
import { embossProblems, schemeOf, toEmbossName } from "@/lib/issuance/emboss";
import { ISSUANCE_REASONS } from "@/lib/vocabulary";
import type { ReplacementReason } from "@/lib/vocabulary";
import { CardFace } from "@/components/card-face";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { AccountField, type AccountChoice } from "./account-field";
import { foreseenApprovalRules, type ApprovalHints } from "@/lib/issuance/approval-words";
import { IssueReview } from "./issue-review";
import { NotOffered } from "./not-offered";
import { ReplacedCardFields, type CardChoice } from "./replaced-card-fields";
import { useStationHealth, useStationStatus } from "./station-health";
import { stationStock } from "@/lib/stock/labels";

export type ProductChoice = {
  id: string;
  name: string;
  cardFaceImage: string | null;
  embossRules: EmbossRules;
  needsAccount: boolean;
  needsApproval?: boolean;
  stockTypeId: string | null;
};
/** The branch's stations with their health (db/queries/station-health.ts), healthy ones first. */
export type StationChoice = StationPick;

const REASONS = ISSUANCE_REASONS;

const field = fieldNames<typeof issueCardAction>();

export function IssueCardForm(props: {
  requestKey: string;
  customerId: string;
  customerName: string;
  products: ProductChoice[];
  /** Why each of the branch's other products is not offered to this customer. */
  notOffered: string[];
  /** The customer's produced cards, for replacement and renewal. */
  cards: CardChoice[];
  accounts: AccountChoice[];
  stations: StationChoice[];
  /** The bank's approval rules as they concern this customer, for the review step's warning. */
  approvalHints?: ApprovalHints;
  /** The teller is in training: a training card uses no blank card, so an empty station is offered too. */
  training?: boolean;
}) {
  const { products, cards } = props;
  // Live: a station that jams while the form is open is marked at once.
  const stations = useStationHealth(props.stations);
  const stationStatus = useStationStatus();
  const t = useTranslations("IssueForm");
  const v = useTranslations("Vocab");
  const e = useTranslations("Emboss");
  const [state, formAction, pending] = useActionState(issueCardAction, null);
  const [productId, setProductId] = useState(products[0]?.id ?? "");
  const product = products.find((p) => p.id === productId) ?? products[0];
  const [reason, setReason] = useState<(typeof REASONS)[number]>("CREATION");
  // Replacement and renewal only for a customer with a card that can still be replaced.
  const reasons = cards.some((c) => c.replaceable) ? REASONS : (["CREATION"] as const);
  const [replacesJobId, setReplacesJobId] = useState(() => cards.find((c) => c.replaceable)?.jobId ?? "");
  const [replacementReason, setReplacementReason] = useState<ReplacementReason | "">("");
  const [accountId, setAccountId] = useState(
    () => (props.accounts.find((a) => a.kind === "current") ?? props.accounts[0])?.id ?? "",
  );
  const [confirmDuplicate, setConfirmDuplicate] = useState(false);
  const [name, setName] = useState(() => (product ? toEmbossName(props.customerName, product.embossRules) : ""));
  // The first healthy station (the default, unless it is likely unavailable).
  const [stationId, setStationId] = useState(stations[0]?.id ?? "");
  const [reviewing, setReviewing] = useState(false);
  // A stable callback ref runs when the review box mounts, i.e. once per opening of the review
  // step. An inline arrow would be a new ref on every render, which React detaches and attaches
  // again, pulling focus back from wherever the teller has moved it since.
  const focusReview = useCallback((el: HTMLElement | null) => el?.focus(), []);
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const problems = product
    ? embossProblems(name, product.embossRules, (key, values) => e(key as never, values as never))
    : [];
  const nameErrors = problems.length ? problems : serverErrors?.nameOnCard;

  if (!product) {
    return (
      <>
        <Alert tone="error">{props.notOffered.length > 0 ? t("noneEligible") : t("noProduct")}</Alert>
        <NotOffered reasons={props.notOffered} />
      </>
    );
  }
  // A station without blank cards of the product's stock is not offered (the server refuses it too),
  // except to a trainee, whose card uses none (docs/training.md).
  const offered = props.training ? stations : stations.filter((s) => !stationStock(s, product.stockTypeId)?.empty);
  if (offered.length === 0) {
    return (
      <Alert tone="error">{stations.length === 0 ? t("noStation") : t("noStock", { product: product.name })}</Alert>
    );
  }
  // The chosen station, or the first one offered when the product's stock ran out there.
  const station = offered.find((s) => s.id === stationId) ?? offered[0];
  const stock = station ? stationStock(station, product.stockTypeId) : null;
  function chooseProduct(id: string) {
    const next = products.find((p) => p.id === id);
    if (!next) return;
    setProductId(next.id);
    setName(toEmbossName(name || props.customerName, next.embossRules));
  }
  // A replacement is usually the same card again: preselect its product when it is offered.
  function chooseCard(jobId: string) {
    setReplacesJobId(jobId);
    const card = cards.find((c) => c.jobId === jobId);
    if (card) chooseProduct(card.productId);
  }
  const replaced = reason === "CREATION" ? undefined : cards.find((c) => c.jobId === replacesJobId);
  const effectiveReplacementReason = reason === "RENEWAL" ? "expiring" : replacementReason;

  return (
    <form action={formAction} className="space-y-5" aria-describedby={state && !state.ok ? "issue-error" : undefined}>
      <input type="hidden" name={field("requestKey")} value={props.requestKey} />
      <input type="hidden" name={field("customerId")} value={props.customerId} />
      {state && !state.ok && !serverErrors ? (
        <Alert tone="error" live id="issue-error">
          {state.message}
        </Alert>
      ) : null}
      <fieldset disabled={reviewing} className="space-y-5">
        <fieldset>
          <legend className="text-sm font-semibold">{t("card")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {products.map((p) => (
              <label
                key={p.id}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 p-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name={field("productId")}
                  value={p.id}
                  checked={p.id === product.id}
                  onChange={() => chooseProduct(p.id)}
                />
                {p.cardFaceImage ? (
                  // eslint-disable-next-line @next/next/no-img-element -- small card face thumbnails
                  <img src={p.cardFaceImage} alt="" className="h-8 w-12 rounded object-cover" />
                ) : null}
                <span>{p.name}</span>
              </label>
            ))}
          </div>
          <FieldError id="productId-error" errors={serverErrors?.productId} />
          <NotOffered reasons={props.notOffered} />
        </fieldset>
        <fieldset aria-describedby="reason-error">
          <legend className="text-sm font-semibold">{t("reason")}</legend>
          {reasons.length === 1 ? (
            <p className="text-sm text-slate-700">
              {cards.length === 0 ? t("onlyNewNoCard") : t("onlyNewAllReplaced")}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap gap-4">
            {reasons.map((r) => (
              <label key={r} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={field("reason")}
                  value={r}
                  checked={r === reason}
                  onChange={() => {
                    setReason(r);
                    if (r !== "CREATION") chooseCard(replacesJobId);
                  }}
                />
                {v(`issuanceReason.${r}`)}
              </label>
            ))}
          </div>
          <FieldError id="reason-error" errors={serverErrors?.reason} />
        </fieldset>
        {reason !== "CREATION" ? (
          <ReplacedCardFields
            cards={cards}
            reason={reason}
            replacesJobId={replacesJobId}
            onCard={chooseCard}
            replacementReason={replacementReason}
            onReplacementReason={setReplacementReason}
            errors={serverErrors}
          />
        ) : null}
        {product.needsAccount ? (
          <AccountField
            productName={product.name}
            accounts={props.accounts}
            accountId={accountId}
            onChange={setAccountId}
            errors={serverErrors?.accountId}
          />
        ) : null}
        <div className="grid items-start gap-4 md:grid-cols-2">
          <Field
            id="nameOnCard"
            label={t("nameOnCard")}
            hint={
              <NameHint name={name} customerName={props.customerName} rules={product.embossRules} onUse={setName} />
            }
            errors={nameErrors}
          >
            {(control) => (
              <Input
                {...control}
                name={field("nameOnCard")}
                value={name}
                onChange={(e) => setName(e.target.value.toUpperCase())}
                sizing="lg"
                className="font-mono uppercase"
              />
            )}
          </Field>
          <CardFace image={product.cardFaceImage} name={name} productName={product.name} />
        </div>
        {/* Full width of the form, short options and the whole story in the hint below: the
            options' text was cut off (UX walk T14). */}
        <Field
          id="stationId"
          label={t("station")}
          errors={serverErrors?.stationId}
          hint={station ? <span data-testid="station-status">{stationStatus(station).long}</span> : undefined}
        >
          {(control) => (
            <Select
              {...control}
              name={field("stationId")}
              value={station?.id ?? ""}
              onChange={(e) => setStationId(e.target.value)}
            >
              {offered.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                  {s.isDefault ? t("default") : ""} · {stationStatus(s).short}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {stock?.low && station ? (
          <Alert tone="warning" live>
            <span data-testid="low-stock">
              {t("lowStock", { count: Math.max(0, stock.balance), station: station.label })}
            </span>{" "}
            {t("lowStockTell")}
          </Alert>
        ) : null}
      </fieldset>
      {reviewing ? (
        <>
          {/* The fieldset above is disabled while reviewing, and disabled fields are not sent. */}
          <input type="hidden" name={field("productId")} value={product.id} />
          <input type="hidden" name={field("reason")} value={reason} />
          <input type="hidden" name={field("nameOnCard")} value={name} />
          <input type="hidden" name={field("stationId")} value={station?.id ?? ""} />
          {reason !== "CREATION" ? (
            <>
              <input type="hidden" name={field("replacesJobId")} value={replacesJobId} />
              <input type="hidden" name={field("replacementReason")} value={effectiveReplacementReason} />
            </>
          ) : null}
          {product.needsAccount ? <input type="hidden" name={field("accountId")} value={accountId} /> : null}
          <IssueReview
            onMount={focusReview}
            productName={product.name}
            replaced={replaced}
            replacementReason={effectiveReplacementReason}
            accountNumber={
              product.needsAccount ? props.accounts.find((a) => a.id === accountId)?.accountNumber : undefined
            }
            duplicateErrors={serverErrors?.confirmDuplicate}
            approvalRules={foreseenApprovalRules(
              { needsApproval: product.needsApproval, reason, nameOnCard: name },
              props.approvalHints,
            )}
            confirmDuplicate={confirmDuplicate}
            onConfirmDuplicate={setConfirmDuplicate}
            pending={pending}
            onChange={() => setReviewing(false)}
          >
            {t.rich("summary", {
              product: product.name,
              customer: props.customerName,
              nameOnCard: name,
              reason,
              station: station?.label ?? "",
              name: (chunks) => <strong className="font-mono">{chunks}</strong>,
            })}
          </IssueReview>
        </>
      ) : (
        <Button onClick={() => setReviewing(true)} disabled={problems.length > 0}>
          {t("review")}
        </Button>
      )}
    </form>
  );
}

/**
 * The name line's rules, and the suggestion written from the customer's recorded name with the
 * product's transliteration (Müller → MUELLER): said when it changed letters, offered again
 * when the teller has edited the name away from it.
 */
function NameHint(props: { name: string; customerName: string; rules: EmbossRules; onUse: (name: string) => void }) {
  const t = useTranslations("IssueForm");
  const suggestion = toEmbossName(props.customerName, props.rules);
  const scheme = schemeOf(props.rules);
  const rules = t("rules", { uppercase: String(Boolean(props.rules.uppercase)), max: props.rules.maxLength });
  if (props.name === suggestion) {
    const respelled = suggestion !== props.customerName.replace(/\s+/g, " ").trim().toUpperCase();
    return (
      <>
        {rules}
        {respelled ? t("written", { scheme }) : null}
      </>
    );
  }
  return (
    <>
      {rules} {t("suggested")} <span className="text-slate-600">({t("scheme", { scheme })})</span>:{" "}
      <button
        type="button"
        className="font-mono font-semibold text-brand-700 underline"
        onClick={() => props.onUse(suggestion)}
      >
        {suggestion}
      </button>
    </>
  );
}

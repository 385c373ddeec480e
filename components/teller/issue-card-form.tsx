"use client";

// Issue a card: product (with its face), reason, the name as printed (checked live against the
// product's emboss rules), station; then a review step and one confirm. The request key is
// fixed when the page is rendered, so a double click, a reload or the back button cannot create
// a second job.
import { useActionState, useCallback, useState } from "react";
import type { StationHealth } from "@/lib/stations/health";
import type { EmbossRules } from "@/db/schema";
import { issueCardAction } from "@/lib/actions/teller/issue-card";
import { fieldNames } from "@/lib/actions/fields";
import { embossProblems, toEmbossName } from "@/lib/issuance/emboss";
import { REASON_LABEL } from "@/lib/issuance/reasons";
import { useBranchTime } from "@/components/branch-time";
import { CardFace } from "@/components/card-face";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { stationStatus, useStationHealth } from "./station-health";

export type ProductChoice = { id: string; name: string; cardFaceImage: string | null; embossRules: EmbossRules };
/** The branch's stations with their health (db/queries/station-health.ts), healthy ones first. */
export type StationChoice = StationHealth;

const REASONS = Object.keys(REASON_LABEL) as Array<keyof typeof REASON_LABEL>;

const field = fieldNames<typeof issueCardAction>();

export function IssueCardForm(props: {
  requestKey: string;
  customerId: string;
  customerName: string;
  products: ProductChoice[];
  stations: StationChoice[];
}) {
  const { products } = props;
  // Live: a station that jams while the form is open is marked at once.
  const stations = useStationHealth(props.stations);
  const { time } = useBranchTime();
  const [state, formAction, pending] = useActionState(issueCardAction, null);
  const [productId, setProductId] = useState(products[0]?.id ?? "");
  const product = products.find((p) => p.id === productId) ?? products[0];
  const [reason, setReason] = useState<(typeof REASONS)[number]>("CREATION");
  const [name, setName] = useState(() => (product ? toEmbossName(props.customerName, product.embossRules) : ""));
  // The first healthy station (the default, unless it is likely unavailable).
  const [stationId, setStationId] = useState(stations[0]?.id ?? "");
  const [reviewing, setReviewing] = useState(false);
  // A stable callback ref runs when the review box mounts, i.e. once per opening of the review
  // step. An inline arrow would be a new ref on every render, which React detaches and attaches
  // again, pulling focus back from wherever the teller has moved it since.
  const focusReview = useCallback((el: HTMLElement | null) => el?.focus(), []);
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const problems = product ? embossProblems(name, product.embossRules) : [];
  const nameErrors = problems.length ? problems : serverErrors?.nameOnCard;

  if (!product)
    return <Alert tone="error">Your branch offers no card at the moment. Ask an administrator to add one.</Alert>;
  if (stations.length === 0) {
    return (
      <Alert tone="error">
        No personalization station of your branch is available, so no card can be printed here now. Ask your branch
        manager to enable a station.
      </Alert>
    );
  }
  const station = stations.find((s) => s.id === stationId);

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
          <legend className="text-sm font-semibold">Card</legend>
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
                  onChange={() => {
                    setProductId(p.id);
                    setName(toEmbossName(name || props.customerName, p.embossRules));
                  }}
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
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">Reason</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {REASONS.map((r) => (
              <label key={r} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={field("reason")}
                  value={r}
                  checked={r === reason}
                  onChange={() => setReason(r)}
                />
                {REASON_LABEL[r]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid items-start gap-4 md:grid-cols-2">
          <Field
            id="nameOnCard"
            label="Name on the card"
            hint={`Capital letters, up to ${product.embossRules.maxLength} characters. Check it with the customer.`}
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
          label="Personalization station"
          errors={serverErrors?.stationId}
          hint={station ? <span data-testid="station-status">{stationStatus(station, time).long}</span> : undefined}
        >
          {(control) => (
            <Select
              {...control}
              name={field("stationId")}
              value={stationId}
              onChange={(e) => setStationId(e.target.value)}
            >
              {stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                  {s.isDefault ? " (default)" : ""} · {stationStatus(s, time).short}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>
      {reviewing ? (
        <>
          {/* The fieldset above is disabled while reviewing, and disabled fields are not sent. */}
          <input type="hidden" name={field("productId")} value={product.id} />
          <input type="hidden" name={field("reason")} value={reason} />
          <input type="hidden" name={field("nameOnCard")} value={name} />
          <input type="hidden" name={field("stationId")} value={stationId} />
          <section
            aria-labelledby="review-heading"
            className="rounded-md border border-brand-100 bg-brand-50 p-4"
            tabIndex={-1}
            ref={focusReview}
          >
            <h3 id="review-heading" className="font-semibold">
              Check before issuing
            </h3>
            <p className="mt-1">
              {product.name} for {props.customerName}, printed as <strong className="font-mono">{name}</strong>, reason{" "}
              {REASON_LABEL[reason].toLowerCase()}, at {station?.label}.
            </p>
            <div className="mt-3 flex gap-3">
              <Button type="submit" disabled={pending}>
                {pending ? "Issuing…" : "Issue card"}
              </Button>
              <Button variant="secondary" onClick={() => setReviewing(false)} disabled={pending}>
                Change
              </Button>
            </div>
          </section>
        </>
      ) : (
        <Button onClick={() => setReviewing(true)} disabled={problems.length > 0}>
          Review
        </Button>
      )}
    </form>
  );
}

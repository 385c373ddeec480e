"use client";

// The counter's search box: customers and card requests while typing (debounced), a
// keyboard-navigable listbox (combobox pattern), and for each result the reason it matched. A
// search that failed (network down, server error) says so and offers to try again: "no customer
// matches" would send a customer away who exists (UX walk T6).
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { SearchHit } from "@/db/queries/customers";
import { searchCustomersAction } from "@/lib/actions/teller/search-customers";
import { isSearchable } from "@/lib/search-query";
import { useBranchTime } from "@/components/branch-time";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatCalendarDate } from "@/lib/datetime";

/** The message key of each reason a hit matched by. */
const REASON = {
  name: "name",
  "name and date of birth": "nameAndBirth",
  "customer number": "customerNumber",
  "national id": "nationalId",
  phone: "phone",
  account: "account",
  "last four digits": "lastFour",
  "support reference": "supportReference",
} as const satisfies Record<SearchHit["reason"], string>;

/** A refusal the teller can act on (too many searches, an invalid query): its message is shown as is. */
class SearchRefused extends Error {}
const REFUSALS = ["rate_limit", "bad_request", "invalid"];

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

const hrefOf = (hit: SearchHit) => (hit.kind === "request" ? `/teller/jobs/${hit.id}` : `/teller/customers/${hit.id}`);

export function CustomerSearch() {
  const t = useTranslations("Search");
  const v = useTranslations("Vocab");
  const locale = useLocale();
  const router = useRouter();
  const listId = useId();
  const { dateTime } = useBranchTime();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 200);
  const enabled = isSearchable(query);
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: ["customers", query],
    enabled,
    staleTime: 10_000,
    // A refusal is shown, not retried; a failure is offered to the teller to try again.
    retry: false,
    queryFn: async () => {
      const result = await searchCustomersAction({ query });
      if (!result.ok) {
        if (REFUSALS.some((type) => result.code.startsWith(`${type}:`))) throw new SearchRefused(result.message);
        throw new Error(result.message);
      }
      return result.data;
    },
  });
  const hits = enabled && !error ? (data?.hits ?? []) : [];
  // More customers matched than fit: say so and how to narrow it (a list cut at eight looked complete).
  const more = enabled && !error && hits.length > 0 && (data?.more ?? false);
  const open = enabled && !error && (!isFetching || hits.length > 0);
  const current = hits[Math.min(active, hits.length - 1)];
  const failed = enabled && error && !(error instanceof SearchRefused) ? error : null;

  const choose = (hit: SearchHit | undefined) => hit && router.push(hrefOf(hit));

  return (
    <div className="relative" aria-busy={enabled && isFetching}>
      {/* Label and Input, not a Field: a search box has no field error, and the combobox keeps its own ARIA. */}
      <Label htmlFor="customer-search">{t("label")}</Label>
      <p id="customer-search-hint" className="text-sm text-slate-700">
        {t("hint")}
      </p>
      <Input
        id="customer-search"
        type="search"
        role="combobox"
        autoComplete="off"
        autoFocus
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby="customer-search-hint"
        aria-busy={enabled && isFetching}
        aria-activedescendant={open && current ? `${listId}-${current.id}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(current);
          } else if (e.key === "Escape") {
            setText("");
          }
        }}
        sizing="lg"
        className="mt-1"
      />
      <p aria-live="polite" className="sr-only">
        {enabled && !isFetching && !error ? t("results", { count: hits.length }) : ""}
        {enabled && !isFetching && more ? ` ${t("more")}` : ""}
      </p>
      {enabled && isFetching && hits.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="searching">
          {t("searching")}
        </p>
      ) : null}
      {failed ? (
        <div
          role="alert"
          className="mt-1 flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800"
        >
          <span>{t("failed")}</span>
          <Button variant="secondary" disabled={isFetching} onClick={() => void refetch()}>
            {isFetching ? t("searching") : t("tryAgain")}
          </Button>
        </div>
      ) : enabled && error ? (
        <p role="alert" className="mt-1 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {error.message}
        </p>
      ) : null}
      {open ? (
        <div className="absolute z-10 mt-1 w-full overflow-hidden rounded-md border border-slate-300 bg-white shadow-lg">
          <ul id={listId} role="listbox" aria-label={t("listLabel")}>
            {hits.length === 0 ? (
              <li className="px-4 py-3 text-slate-700">{t("noMatch", { query })}</li>
            ) : (
              hits.map((hit, i) => (
                <li
                  key={`${hit.kind}-${hit.id}`}
                  id={`${listId}-${hit.id}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(hit)}
                  onMouseEnter={() => setActive(i)}
                  className={`cursor-pointer px-4 py-2 ${i === active ? "bg-brand-50" : ""}`}
                >
                  {hit.kind === "request" ? (
                    <>
                      <span className="font-semibold">
                        {t("request", { product: hit.productName, name: `${hit.givenName} ${hit.familyName}` })}
                      </span>{" "}
                      <span className="text-sm text-slate-700">
                        · {hit.customerNumber} · {dateTime(hit.createdAt)} · {v(`jobState.${hit.state}`)}
                      </span>
                    </>
                  ) : (
                    <>
                      <span className="font-semibold">
                        {hit.givenName} {hit.familyName}
                      </span>{" "}
                      <span className="text-sm text-slate-700">
                        · {hit.customerNumber} · {t("born", { date: formatCalendarDate(hit.dateOfBirth, locale) })}
                      </span>
                    </>
                  )}
                  <span className="block text-xs text-slate-600">
                    {t("matchedBy", { reason: t(`reasons.${REASON[hit.reason]}`) })}
                    {/* A name match shows the name itself, not the folded key it matched. */}
                    {hit.reason === "name" || hit.reason === "name and date of birth" ? "" : `: ${hit.matched}`}
                  </span>
                </li>
              ))
            )}
          </ul>
          {more ? (
            // Outside the listbox, which may hold only options.
            <p
              className="border-t border-slate-300 bg-slate-50 px-4 py-2 text-sm text-slate-800"
              data-testid="search-more"
            >
              {t("more")}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

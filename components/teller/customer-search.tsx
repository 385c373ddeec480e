"use client";

// The counter's search box: results while typing (debounced), a keyboard-navigable listbox
// (combobox pattern), and for each result the reason it matched.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { CustomerHit } from "@/db/queries/customers";
import { searchCustomersAction } from "@/lib/actions/teller/search-customers";
import { isSearchable } from "@/lib/search-query";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const REASON: Record<CustomerHit["reason"], string> = {
  name: "Name",
  "customer number": "Customer number",
  "national id": "National ID",
  phone: "Phone",
  account: "Account",
};

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export function CustomerSearch() {
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 200);
  const enabled = isSearchable(query);
  const { data, isFetching, error } = useQuery({
    queryKey: ["customers", query],
    enabled,
    staleTime: 10_000,
    // A refusal (too many searches, an invalid query) is shown, not retried.
    retry: false,
    queryFn: async () => {
      const result = await searchCustomersAction({ query });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
  });
  const hits = enabled ? (data ?? []) : [];
  const open = enabled && !error && (!isFetching || hits.length > 0);
  const current = hits[Math.min(active, hits.length - 1)];

  const choose = (hit: CustomerHit | undefined) => hit && router.push(`/teller/customers/${hit.id}`);

  return (
    <div className="relative">
      {/* Label and Input, not a Field: a search box has no field error, and the combobox keeps its own ARIA. */}
      <Label htmlFor="customer-search">Find a customer</Label>
      <p id="customer-search-hint" className="text-sm text-slate-700">
        Name, customer number, national ID, phone or account number.
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
        {enabled && !isFetching ? `${hits.length} customer${hits.length === 1 ? "" : "s"} found` : ""}
      </p>
      {enabled && error ? (
        <p role="alert" className="mt-1 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {error.message}
        </p>
      ) : null}
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Customers"
          className="absolute z-10 mt-1 w-full overflow-hidden rounded-md border border-slate-300 bg-white shadow-lg"
        >
          {hits.length === 0 ? (
            <li className="px-4 py-3 text-slate-700">
              No customer matches “{query}”. Check the spelling or try a number.
            </li>
          ) : (
            hits.map((hit, i) => (
              <li
                key={hit.id}
                id={`${listId}-${hit.id}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(hit)}
                onMouseEnter={() => setActive(i)}
                className={`cursor-pointer px-4 py-2 ${i === active ? "bg-brand-50" : ""}`}
              >
                <span className="font-semibold">
                  {hit.givenName} {hit.familyName}
                </span>{" "}
                <span className="text-sm text-slate-700">
                  · {hit.customerNumber} · born {hit.dateOfBirth}
                </span>
                <span className="block text-xs text-slate-600">
                  Matched by {REASON[hit.reason].toLowerCase()}
                  {hit.reason === "name" ? "" : `: ${hit.matched}`}
                </span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}

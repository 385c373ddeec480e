// What the End of day page shows: each place's breakdown for the day being counted, the counts
// already taken that day, the differences still to explain, and the history of past days.
import "server-only";
import { db } from "@/db";
import { placeBalances, type PlaceBalance } from "@/db/queries/stock-count";
import { listCounts, type CountRecord } from "@/db/queries/stock-count-history";
import { dateIn } from "@/lib/issuance/eligibility";
import { countableDays, previousDate } from "./end-of-day";

export type EndOfDayPlace = PlaceBalance & { count: CountRecord | null };

export type EndOfDay = {
  today: string;
  day: string;
  days: [string, string];
  places: EndOfDayPlace[];
  unexplained: CountRecord[];
  history: CountRecord[];
  from: string;
  to: string;
};

const samePlace = (b: PlaceBalance, c: CountRecord) =>
  b.stockTypeId === c.stockTypeId && b.place === c.place && b.stationId === c.stationId;

/** How far back the history reaches when no range is chosen. */
export const HISTORY_DAYS = 30;

export function defaultRange(today: string): { from: string; to: string } {
  let from = today;
  for (let i = 0; i < HISTORY_DAYS; i++) from = previousDate(from);
  return { from, to: today };
}

export async function loadEndOfDay(
  branch: { id: string; timezone: string },
  wanted: { day?: string; from?: string; to?: string },
): Promise<EndOfDay> {
  const today = dateIn(branch.timezone);
  const days = countableDays(today);
  const day = days.find((d) => d === wanted.day) ?? today;
  const range = {
    ...defaultRange(today),
    ...(wanted.from ? { from: wanted.from } : {}),
    ...(wanted.to ? { to: wanted.to } : {}),
  };
  const [balances, counted, unexplained, history] = await Promise.all([
    placeBalances({ db, branchId: branch.id, businessDate: day }),
    listCounts({ db, branchId: branch.id, from: day, to: day }),
    listCounts({ db, branchId: branch.id, unexplained: true }),
    listCounts({ db, branchId: branch.id, ...range }),
  ]);
  const places = balances.map((b) => ({
    ...b,
    count: counted.find((c) => samePlace(b, c)) ?? null,
  }));
  return { today, day, days, places, unexplained, history, ...range };
}

"use client";

// Station health where a teller chooses a station (the issue form's picker, the retry list): the
// page renders it, the live channel refetches it when a card starts or ends, so a station that
// just jammed is marked without a reload. What a mark says lives in stationStatus().
import { useQuery } from "@tanstack/react-query";
import { formatCalendarDate } from "@/lib/datetime";
import type { StationPick } from "@/lib/stations/health";
import { unbalancedMessage } from "@/lib/stock/end-of-day";
import { changesTotals, liveMeta } from "@/components/live/live-query";

type Health = { stations: StationPick[] };

/** The branch's enabled stations, healthy ones first (the order the query gives), kept up to date. */
export function useStationHealth(initial: StationPick[]): StationPick[] {
  const { data } = useQuery({
    queryKey: ["teller-station-health"],
    initialData: { stations: initial },
    queryFn: async () => {
      const response = await fetch("/api/teller/stations", { cache: "no-store" });
      if (!response.ok) throw new Error("Could not refresh the stations.");
      return (await response.json()) as Health;
    },
    // Stock: a load, a spoil or a count changes the figures and the low-stock warning at once.
    meta: liveMeta<Health>({ refetch: changesTotals, stock: true }),
    // A manager enabling, disabling or clearing a station sends no job event: checked now and then.
    refetchInterval: 30_000,
  });
  // The query gives enabled stations only; a page rendered before a station was disabled may not.
  return data.stations.filter((s) => s.enabled);
}

const cards = (n: number) => (n === 1 ? "1 card" : `${n} cards`);

/**
 * A station's state for an option (short, so a narrow select still shows it) and for the hint
 * under the select (whole sentences). `time` formats in the branch's zone.
 */
export function stationStatus(s: StationPick, time: (at: string) => string): { short: string; long: string } {
  const where = s.location ? `${s.location}. ` : "";
  const queue = s.queueDepth === 0 ? "free" : `${cards(s.queueDepth)} waiting`;
  const last = s.lastSuccessAt ? `Last card produced at ${time(s.lastSuccessAt)}.` : "No card produced yet.";
  if (s.unbalancedSince) {
    return {
      short: `held: count of ${formatCalendarDate(s.unbalancedSince)} not explained`,
      long: `${where}${unbalancedMessage(s.label, s.unbalancedSince)}`,
    };
  }
  if (s.availability === "likely_unavailable" && s.lastProblem) {
    const problem = `${s.lastProblem.label} at ${time(s.lastProblem.at)}`;
    return {
      short: `likely unavailable: ${problem}`,
      long: `${where}Likely unavailable: ${problem}. Send a card there only once the problem is solved. ${s.queueDepth === 0 ? "No card" : cards(s.queueDepth)} waiting. ${last}`,
    };
  }
  const earlier = s.lastProblem ? ` Last problem: ${s.lastProblem.label} at ${time(s.lastProblem.at)}.` : "";
  return { short: queue, long: `${where}Ready, ${queue}. ${last}${earlier}` };
}

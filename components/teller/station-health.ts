"use client";

// Station health where a teller chooses a station (the issue form's picker, the retry list): the
// page renders it, the live channel refetches it when a card starts or ends, so a station that
// just jammed is marked without a reload. What a mark says lives in stationStatus().
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useBranchTime } from "@/components/branch-time";
import { formatCalendarDate } from "@/lib/datetime";
import type { StationPick } from "@/lib/stations/health";
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

/**
 * A station's state for an option (short, so a narrow select still shows it) and for the hint
 * under the select (whole sentences), in the user's language; times in the branch's zone.
 */
export function useStationStatus(): (s: StationPick) => { short: string; long: string } {
  const t = useTranslations("Station");
  const locale = useLocale();
  const v = useTranslations("Vocab");
  const { time } = useBranchTime();
  return (s) => {
    const where = s.location ? `${s.location}. ` : "";
    const queue = s.queueDepth === 0 ? t("free") : t("waiting", { count: s.queueDepth });
    const last = s.lastSuccessAt ? t("lastProduced", { time: time(s.lastSuccessAt) }) : t("noneProduced");
    if (s.unbalancedSince) {
      const date = formatCalendarDate(s.unbalancedSince, locale);
      return { short: t("heldShort", { date }), long: `${where}${t("heldLong", { station: s.label, date })}` };
    }
    const problem = s.lastProblem
      ? { problem: v(`problem.${s.lastProblem.kind}`), time: time(s.lastProblem.at) }
      : null;
    if (s.availability === "likely_unavailable" && problem) {
      return {
        short: t("unavailableShort", problem),
        long: `${where}${t("unavailableLong", { ...problem, count: s.queueDepth })} ${last}`,
      };
    }
    const earlier = problem ? t("lastProblem", problem) : "";
    return { short: queue, long: `${where}${t("ready", { queue })} ${last}${earlier}` };
  };
}

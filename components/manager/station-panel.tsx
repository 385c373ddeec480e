"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { StationHealth } from "@/db/queries/station-health";
import { Alert } from "@/components/ui/alert";
import { LiveBadge } from "@/components/live/live-badge";
import { changesTotals, liveMeta } from "@/components/live/live-query";
import { fetchJson } from "./fetch-json";
import { RegisterStationForm } from "./register-station-form";
import { StationHealthTable } from "./station-health-table";

type Health = { branchId: string; stations: StationHealth[]; at: string };

/**
 * The branch's stations inside a LiveEvents channel; managers also manage them here. Queues,
 * last success and exceptions change when a job starts or ends: those events refetch the health.
 */
export function StationPanel({ initial, canManage }: { initial: Health; canManage: boolean }) {
  const client = useQueryClient();
  const key = ["station-health", initial.branchId];
  const [announcement, setAnnouncement] = useState("");
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<Health>(`/api/manager/stations/health?branchId=${initial.branchId}`),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.at),
    meta: liveMeta<Health>({ refetch: changesTotals }),
  });
  const done = (message: string) => {
    setAnnouncement(message);
    void client.invalidateQueries({ queryKey: key });
  };
  return (
    <div className="space-y-6">
      <section aria-labelledby="stations-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="stations-heading" className="text-base font-semibold">Stations and their health</h2>
          <LiveBadge />
        </div>
        <div aria-live="polite" className="mb-3 empty:hidden">
          {announcement ? <Alert tone="success">{announcement}</Alert> : null}
        </div>
        {query.isError ? <Alert tone="error">{query.error.message}</Alert> : null}
        <StationHealthTable stations={query.data.stations} canManage={canManage} onDone={done} />
      </section>
      {canManage ? (
        <section aria-labelledby="register-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="register-heading" className="mb-1 text-base font-semibold">Register a station</h2>
          <p className="mb-3 text-sm text-slate-700">Use the station id D1 gave this station when it was registered with the Instant Issuance Agent.</p>
          <RegisterStationForm onDone={done} />
        </section>
      ) : null}
    </div>
  );
}

"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { StationHealth } from "@/lib/stations/health";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LiveBadge } from "@/components/live/live-badge";
import { changesTotals, liveMeta } from "@/components/live/live-query";
import { fetchJson } from "./fetch-json";
import { RegisterStationForm } from "./register-station-form";
import { StationHealthTable } from "./station-health-table";

type Health = {
  branchId: string;
  stations: StationHealth[];
  /** The bank's test product: new stations print it through D1 to be verified. */
  testProduct: { id: string; name: string } | null;
  at: string;
};

/**
 * The branch's stations inside a LiveEvents channel; managers also manage them here. Queues,
 * last success and exceptions change when a job starts or ends: those events refetch the health.
 */
export function StationPanel({
  initial,
  canManage,
  register,
}: {
  initial: Health;
  canManage: boolean;
  /** Shown to the branch's manager, and to an admin (who registers for the branch shown). */
  register: { pattern: string | null; asAdminFor?: string } | null;
}) {
  const t = useTranslations("Stations");
  const b = useTranslations("Board");
  const client = useQueryClient();
  const key = ["station-health", initial.branchId];
  const [announcement, setAnnouncement] = useState("");
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<Health>(`/api/manager/stations/health?branchId=${initial.branchId}`),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.at),
    // A test card's every step shows on its station's row, not only its end; stock changes live too.
    meta: liveMeta<Health>({
      refetch: (e) =>
        changesTotals(e) || !!client.getQueryData<Health>(key)?.stations.some((s) => s.testPrint?.jobId === e.jobId),
      stock: true,
    }),
  });
  const done = (message: string) => {
    setAnnouncement(message);
    void client.invalidateQueries({ queryKey: key });
  };
  return (
    <div className="space-y-6">
      <Card title={t("healthHeading")} headingId="stations-heading" actions={<LiveBadge />}>
        <div aria-live="polite" className="mb-3 empty:hidden">
          {announcement ? <Alert tone="success">{announcement}</Alert> : null}
        </div>
        {query.isError ? <Alert tone="error">{query.error.message || b("loadFailed")}</Alert> : null}
        <StationHealthTable
          stations={query.data.stations}
          canManage={canManage}
          canRegister={register !== null}
          testProduct={query.data.testProduct}
          onDone={done}
        />
      </Card>
      {register ? (
        <Card title={t("registerHeading")} headingId="register-heading" description={t("registerText")}>
          <RegisterStationForm onDone={done} pattern={register.pattern} asAdminFor={register.asAdminFor} />
        </Card>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BranchTimeZone } from "@/components/branch-time";
import { BranchPicker } from "@/components/manager/branch-picker";
import { LiveBadge } from "@/components/live/live-badge";
import { LiveEvents } from "@/components/live/live-events";
import { LiveStockBalances, LiveStockLedger } from "@/components/manager/stock-figures";
import { DestroySpoiledForm, LoadStationForm, ReceiveStockForm } from "@/components/manager/stock-forms";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listStations } from "@/db/queries/stations";
import { activeStockTypes, listStockTypes } from "@/db/queries/stock-types";
import { guardPage } from "@/lib/auth/page-guard";
import { ssoConfirmName } from "@/lib/dual-control/sso-confirm";
import { renderPoint } from "@/lib/events/render-point";
import { pageBranch } from "@/lib/page-branch";
import { loadStockFigures } from "@/lib/stock/figures";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Stock");
  return { title: t("title") };
}

export default async function StockPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const { branch, choices } = await pageBranch(user, (await searchParams).branchId);
  // The render point first: a movement committed while the figures are read is refetched.
  const since = await renderPoint(branch.id);
  const [figures, stations, active, all] = await Promise.all([
    loadStockFigures(branch.id),
    listStations({ db, branchId: branch.id }),
    activeStockTypes({ db }),
    listStockTypes({ db }),
  ]);
  // Columns: the active stock types, and a retired one while the branch still holds some of it.
  const held = new Set(figures.balances.filter((b) => b.balance !== 0).map((b) => b.stockTypeId));
  const columns = all.filter((t) => t.active || held.has(t.id));
  const canMove = user.role === "manager";
  const t = await getTranslations("Stock");
  const sso = ssoConfirmName();
  const exportHref = `/api/manager/stock/export${user.role === "admin" ? `?branchId=${branch.id}` : ""}`;
  return (
    <BranchTimeZone timeZone={branch.timezone}>
      {/* The branch event stream serves a user's own branch only, so admins poll instead. */}
      <LiveEvents key={branch.id} since={since} stream={user.role === "manager"}>
        <div className="space-y-6">
          <div className="flex flex-wrap items-end justify-between gap-4">
            <div>
              <h1 className="text-2xl font-bold">{t("title")}</h1>
              <p className="text-slate-700">{t("subtitle", { branch: `${branch.name} (${branch.code})` })}</p>
            </div>
            {choices.length ? <BranchPicker branches={choices} current={branch.id} /> : null}
          </div>
          <Card title={t("balances")} headingId="balances-heading" className="min-w-0" actions={<LiveBadge />}>
            <LiveStockBalances initial={figures} stockTypes={columns} stations={stations} />
          </Card>
          {canMove ? (
            <div className="grid gap-6 xl:grid-cols-3">
              <Card title={t("receiveHeading")} headingId="receive-heading" className="min-w-0">
                <ReceiveStockForm stockTypes={active} sso={sso} />
              </Card>
              <Card title={t("loadHeading")} headingId="load-heading" className="min-w-0">
                <LoadStationForm
                  stockTypes={active}
                  stations={stations.map((s) => ({ id: s.id, name: s.label }))}
                  sso={sso}
                />
              </Card>
              <Card title={t("destroyHeading")} headingId="destroy-heading" className="min-w-0">
                {/* A retired stock type too, while its spoiled cards wait to be destroyed. */}
                <DestroySpoiledForm stockTypes={columns.map((t) => ({ id: t.id, name: t.name }))} sso={sso} />
              </Card>
            </div>
          ) : null}
          <Card
            title={t("ledger")}
            headingId="ledger-heading"
            description={
              <>
                {t("ledgerText")}{" "}
                <a href={exportHref} className="text-brand-700 underline" download>
                  {t("ledgerCsv")}
                </a>
              </>
            }
            className="min-w-0"
          >
            <LiveStockLedger initial={figures} />
          </Card>
        </div>
      </LiveEvents>
    </BranchTimeZone>
  );
}

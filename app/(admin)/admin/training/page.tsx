import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActiveDrills, DrillForm } from "@/components/admin/training/drills";
import {
  PutBranchInTraining,
  PutUserInTraining,
  TraineeTable,
  TrainingBranchTable,
} from "@/components/admin/training/people";
import { WipeTrainingData } from "@/components/admin/training/wipe";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { listInTraining, listTrainingFaults, trainingChoices } from "@/db/queries/training";
import { listUsers } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Training");
  return { title: t("title") };
}

/** Training mode (docs/training.md): who is in training, the drills, and wiping training data. */
export default async function TrainingPage() {
  await guardPage("admin");
  const t = await getTranslations("Training");
  const [inTraining, drills, choices, users, branches] = await Promise.all([
    listInTraining({ db }),
    listTrainingFaults({ db }),
    trainingChoices({ db }),
    listUsers({ db }),
    listBranches({ db }),
  ]);
  const trainees = new Set(inTraining.users.map((u) => u.id));
  const trainingBranches = new Set(inTraining.branches.map((b) => b.id));
  const userChoices = users
    .filter((u) => u.active && !trainees.has(u.id))
    .map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }));
  const branchChoices = branches
    .filter((b) => !trainingBranches.has(b.id))
    .map((b) => ({ id: b.id, label: `${b.code} · ${b.name}` }));
  const stationChoices = choices.stations.map((s) => ({
    id: s.id,
    label: `${s.label} (${s.persoStation}) · ${s.branchCode}`,
  }));
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <Card title={t("peopleHeading")}>
        <div className="space-y-6">
          <TraineeTable
            users={inTraining.users.map((u) => ({ id: u.id, name: u.name, email: u.email, branchCode: u.branchCode }))}
          />
          <PutUserInTraining choices={userChoices} />
          <TrainingBranchTable branches={inTraining.branches} />
          <PutBranchInTraining choices={branchChoices} />
        </div>
      </Card>
      <Card title={t("drillsHeading")} description={t("drillsIntro")}>
        <div className="space-y-6">
          <DrillForm stations={stationChoices} />
          <ActiveDrills
            drills={drills.map((d) => ({
              id: d.id,
              kind: d.kind,
              remaining: d.remaining,
              stationLabel: d.stationLabel === null ? null : `${d.stationLabel} (${d.persoStation ?? ""})`,
            }))}
          />
        </div>
      </Card>
      <Card title={t("wipeHeading")}>
        <WipeTrainingData count={choices.trainingJobs} />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { JobLive } from "@/components/teller/job-live";
import { db } from "@/db";
import { findJobView } from "@/db/queries/job-views";
import { guardPage } from "@/lib/auth/page-guard";
import { loadStationPicks } from "@/lib/board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Job");
  return { title: t("title") };
}

export default async function JobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await guardPage("teller");
  const { jobId } = await params;
  if (!z.uuid().safeParse(jobId).success) notFound();
  const job = await findJobView({ db, id: jobId, training: user.training });
  // Another branch's job looks like a missing one.
  if (!job || job.branchId !== user.branchId) notFound();
  const { stations } = await loadStationPicks(job.branchId, user.training);
  return <JobLive initial={job} stations={stations} />;
}

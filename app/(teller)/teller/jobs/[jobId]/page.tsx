import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { JobLive } from "@/components/teller/job-live";
import { db } from "@/db";
import { findJobView } from "@/db/queries/job-views";
import { guardPage } from "@/lib/auth/page-guard";
import { loadStationPicks } from "@/lib/board";
import { shortReference } from "@/lib/issuance/short-reference";

/** The teller's job, or null for a bad id or another branch's job. One read per request: the title and the page share it. */
const loadJob = cache(async (jobId: string) => {
  const user = await guardPage("teller");
  if (!z.uuid().safeParse(jobId).success) return null;
  const job = await findJobView({ db, id: jobId, training: user.training });
  // Another branch's job looks like a missing one.
  return job && job.branchId === user.branchId ? job : null;
});

/** "Card request for <customer> (req-1a2b3c4d)": several requests open in tabs can be told apart (UX walk T21). */
export async function generateMetadata({ params }: { params: Promise<{ jobId: string }> }): Promise<Metadata> {
  const job = await loadJob((await params).jobId);
  if (!job) return { title: (await getTranslations("Pages"))("notFoundTitle") };
  const t = await getTranslations("RequestTitle");
  return { title: t("named", { name: job.customerName, ref: shortReference(job.issuerRequestId) }) };
}

export default async function JobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await guardPage("teller");
  const job = await loadJob((await params).jobId);
  if (!job) notFound();
  const { stations } = await loadStationPicks(job.branchId, user.training);
  return <JobLive initial={job} stations={stations} />;
}

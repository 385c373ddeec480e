import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * The branch a manager-area page shows: a manager's own, always; for an admin the one chosen
 * with ?branchId=, else their own, else the first. Also returns the branches an admin may pick.
 */
export async function pageBranch(user: CurrentUser, requested: string | string[] | undefined) {
  const all = await listBranches({ db });
  if (user.role !== "admin") {
    const own = all.find((b) => b.id === user.branchId);
    if (!own) notFound();
    return { branch: own, choices: [] };
  }
  const wanted = typeof requested === "string" ? requested : undefined;
  const branch = all.find((b) => b.id === wanted) ?? all.find((b) => b.id === user.branchId) ?? all[0];
  if (!branch) notFound();
  return { branch, choices: all };
}

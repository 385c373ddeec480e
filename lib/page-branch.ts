import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { findBranch, listBranches } from "@/db/queries/branches";
import type { CurrentUser } from "@/lib/auth/session";

/** The signed-in user's own branch for the app shell's header; none for an admin without one. */
export async function shellBranch(user: CurrentUser) {
  return user.branchId ? await findBranch({ db, id: user.branchId }) : null;
}

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

import { redirect } from "next/navigation";
import { guardPage } from "@/lib/auth/page-guard";
import { HOME } from "@/lib/auth/roles";

/** Sends each role to its own home. */
export default async function Home() {
  const user = await guardPage(null);
  redirect(HOME[user.role]);
}

import { signOut } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * Signing out is a plain form POST, so it works the same before the page has hydrated. Only the
 * app's own pages may post here (Origin check); it ends only the caller's own session.
 */
export const POST = route("session.signOut", async (request: Request) => {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && new URL(origin).host !== host) throw new AppError("forbidden:route");
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { location: "/login" } });
});

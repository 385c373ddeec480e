import { receiveNotification } from "@/lib/notifications/receive";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** D1 Notify Card Operations (E5), at the exact path D1 calls. Authenticated as D1_NOTIFY_AUTH says:
 * the proxy's client-certificate headers, our bearer token, or both. */
export const POST = route(
  "d1.notifications",
  async (request: Request, { params }: { params: Promise<{ issuerId: string }> }) =>
    receiveNotification(request, (await params).issuerId),
  { audience: "machine" },
);

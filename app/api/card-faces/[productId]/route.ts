import { db } from "@/db";
import { findCardFace } from "@/db/queries/products";
import { ROLES } from "@/lib/vocabulary";
import { requireRole } from "@/lib/auth/session";
import { CARD_FACE_CSP } from "@/lib/auth/security-headers";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { route } from "@/lib/route";
import { isUuid } from "@/lib/uuid";

export const dynamic = "force-dynamic";

/**
 * An uploaded card face, for any signed-in user (tellers see it when choosing a product). The
 * type was sniffed at upload and is sent with nosniff, so the browser never guesses another one.
 */
export const GET = route(
  "card_faces.get",
  async (request: Request, { params }: { params: Promise<{ productId: string }> }) => {
    await requireRole(ROLES, { surface: "route" });
    const { productId } = await params;
    if (!isUuid(productId)) throw new AppError("not_found:product");
    const face = await findCardFace({ db, productId });
    if (!face) throw new AppError("not_found:product", { message: msg("Errors.noCardFace") });
    const etag = `"${face.sha256}"`;
    const cache = { etag, "cache-control": "private, max-age=86400", "x-content-type-options": "nosniff" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: cache });
    return new Response(new Uint8Array(face.data), {
      headers: {
        "content-type": face.contentType,
        "content-length": String(face.byteSize),
        // The same policy next.config.mjs sets for this path (it would win over another one).
        "content-security-policy": CARD_FACE_CSP,
        // URLs carry the image hash (?v=…), so a changed image gets a new URL; private: signed-in only.
        ...cache,
      },
    });
  },
);

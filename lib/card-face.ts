// Card face uploads: the type comes from the file's first bytes, never from its name or the
// browser's claim. SVG is refused on purpose: it can carry scripts that run on our origin.
import { createHash } from "node:crypto";
import type { CardFaceType } from "@/db/schema/products";
import { CARD_FACE_MAX_BYTES } from "@/lib/card-face-size";
import { msg, type Message } from "@/lib/i18n/message";

export { CARD_FACE_MAX_BYTES } from "@/lib/card-face-size";

export function sniffImageType(bytes: Uint8Array): CardFaceType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export type CheckedCardFace = { contentType: CardFaceType; data: Buffer; byteSize: number; sha256: string };

/** The checked image, or the sentence that tells the admin what to upload instead. */
export async function checkCardFace(
  file: Blob,
): Promise<{ ok: true; image: CheckedCardFace } | { ok: false; message: Message }> {
  if (file.size > CARD_FACE_MAX_BYTES) {
    const values = { size: Math.ceil(file.size / 1024), max: CARD_FACE_MAX_BYTES / 1024 };
    return { ok: false, message: msg("Validation.cardFaceTooLarge", values) };
  }
  const data = Buffer.from(await file.arrayBuffer());
  const contentType = sniffImageType(data);
  if (!contentType) return { ok: false, message: msg("Validation.cardFaceType") };
  return {
    ok: true,
    image: { contentType, data, byteSize: data.length, sha256: createHash("sha256").update(data).digest("hex") },
  };
}

/** Where tellers' browsers load a product's uploaded face; the hash busts caches on change. */
export function cardFaceUrl(productId: string, sha256: string): string {
  return `/api/card-faces/${productId}?v=${sha256.slice(0, 12)}`;
}

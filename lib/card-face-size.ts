// The card face's size limit, in one dependency-free module: the browser checks it before
// uploading, the server checks it again, and next.config.mjs sizes the server-action body
// limit from it, so that a form carrying the largest allowed image always reaches the action.
export const CARD_FACE_MAX_BYTES = 512 * 1024;

/**
 * The largest server-action request body: the largest image plus room for the product form's
 * other fields and the multipart framing. A larger body is refused by Next.js before any action
 * runs, which the browser would show as the error page; the browser check keeps images over
 * CARD_FACE_MAX_BYTES from being sent, so that never happens from the form.
 */
export const ACTION_BODY_LIMIT_BYTES = CARD_FACE_MAX_BYTES + 64 * 1024;

/** The sentence that tells the admin the image is too large, or null when it fits. */
export function cardFaceSizeProblem(bytes: number): string | null {
  if (bytes <= CARD_FACE_MAX_BYTES) return null;
  return `The image is ${Math.ceil(bytes / 1024)} KB; upload one of at most ${CARD_FACE_MAX_BYTES / 1024} KB.`;
}

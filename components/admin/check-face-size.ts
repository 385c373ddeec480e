import type { ActionResult, ActionState } from "@/lib/actions/result";
import { cardFaceSizeProblem } from "@/lib/card-face-size";

/**
 * The product form's action with the card face's size checked in the browser first. An image
 * over the limit is never uploaded: a body over the server-action limit would be refused by
 * Next.js before the action runs and replace the page with the error screen. It gets the same
 * field error the server gives, and the form keeps what was typed.
 */
export function checkFaceSizeFirst<T>(action: (previous: ActionState<T>, data: FormData) => Promise<ActionResult<T>>) {
  return async (previous: ActionState<T>, data: FormData): Promise<ActionResult<T>> => {
    const file = data.get("faceImage");
    const problem = file instanceof Blob ? cardFaceSizeProblem(file.size) : null;
    if (problem) return { ok: false, code: "invalid:product", message: problem, fieldErrors: { faceImage: [problem] } };
    return action(previous, data);
  };
}

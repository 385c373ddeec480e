import type { ErrorCode, FieldErrors } from "@/lib/errors";

/** The one shape every server action returns. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export type ActionState<T> = ActionResult<T> | null;

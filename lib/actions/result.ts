import type { ErrorCode, FieldErrors } from "@/lib/errors";

/** The one shape every server action returns. */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export type ActionState<T> = ActionResult<T> | null;

/**
 * An action as its callers see it, typed from its schema's input so that a misnamed or missing
 * field is a `tsc` error at the call site. The `(previousState, formData)` overload comes last
 * because `useActionState` infers its state and payload from the last signature.
 */
export type Action<I, R> = {
  (input: I): Promise<ActionResult<R>>;
  (previousState: ActionState<R>, formData: FormData): Promise<ActionResult<R>>;
};

/** What an action takes in its object form. */
export type ActionInput<A> = A extends Action<infer I, infer _R> ? I : never;

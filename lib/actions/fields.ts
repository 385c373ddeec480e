// Form field names checked against the action the form posts to. A FormData form bypasses the
// action's input type, so without this a renamed schema key fails only at run time.
import type { ActionInput } from "./result";

/** The names a form may post to an action; for a union of actions, the names all of them take. */
export type FieldName<A> = keyof ActionInput<A> & string;

/**
 * `const field = fieldNames<typeof createBranchAction>()`, then `name={field("code")}`: the name
 * is passed through unchanged, and a name the action's schema does not have is a `tsc` error.
 */
export function fieldNames<A>(): <K extends FieldName<A>>(name: K) => K {
  return (name) => name;
}

// The action wrapper's input step, kept apart from the session code so that it can be fuzzed
// on its own: how a call's arguments become one raw input, and how that input is parsed.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { KEYED, zodFieldMessages } from "@/lib/i18n/zod";

function formDataToObject(form: FormData): Record<string, unknown> {
  // Repeated fields (checkbox groups) become arrays; Next.js bookkeeping fields are dropped.
  // No prototype: a field named "__proto__" is then just a field, not the object's prototype
  // (a File there made the next field's assignment throw: internal:action instead of invalid).
  const out = Object.create(null) as Record<string, FormDataEntryValue | FormDataEntryValue[]>;
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length === 1 ? (values[0] as FormDataEntryValue) : values;
  }
  return out;
}

/**
 * The wrapper's parsing step: the parsed input, or `invalid:action` with field errors. Exported
 * so that it can be fuzzed without a session.
 */
export function parseActionInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  // Field errors as message keys: the wrapper renders them in the user's language.
  const parsed = schema.safeParse(raw, KEYED);
  if (!parsed.success) throw new AppError("invalid:action", { fieldErrors: zodFieldMessages(parsed.error) });
  return parsed.data;
}

/** The raw input of a call: `action(input)`, or `action(previousState, formData)`. */
export function actionInput(args: unknown[]): unknown {
  return args.length >= 2 && args[1] instanceof FormData ? formDataToObject(args[1]) : args[0];
}

// Zod's issues as messages: a schema's own message is a `Validation.*` key (lib/validations/*,
// written with v()); zod's defaults get keys of their own here, through a per-parse error map
// (zod applies a schema's message first, so this only fills the gaps, and no global config
// changes per request). The issue's limits become the message's values ({minimum}, {maximum}).
import { z } from "zod";
import type { FieldMessages } from "@/lib/errors";
import type { Locale } from "@/lib/vocabulary";
import { isMessageKey, msg, render, type Message, type ValidationKey } from "./message";

type RawIssue = z.core.$ZodRawIssue;

const SIZED: Record<string, "Text" | "Number" | "List"> = {
  string: "Text",
  number: "Number",
  int: "Number",
  bigint: "Number",
  array: "List",
  set: "List",
  file: "Number",
};

/** The key for an issue zod raised without a message of the schema's. */
export function defaultIssueKey(issue: RawIssue): ValidationKey {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === ""
        ? "Validation.zod.required"
        : "Validation.zod.invalidType";
    case "too_small":
      // An empty required text field: what the person must do is fill it in.
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "Validation.zod.required";
      return SIZED[issue.origin] ? `Validation.zod.tooSmall${SIZED[issue.origin]!}` : "Validation.zod.invalid";
    case "too_big":
      return SIZED[issue.origin] ? `Validation.zod.tooBig${SIZED[issue.origin]!}` : "Validation.zod.invalid";
    case "invalid_format":
      return issue.format === "email" ? "Validation.zod.invalidEmail" : "Validation.zod.invalidFormat";
    case "invalid_value":
      return "Validation.zod.invalidOption";
    case "not_multiple_of":
      return "Validation.zod.notMultipleOf";
    default:
      return "Validation.zod.invalid";
  }
}

/** The per-parse error map: `schema.safeParse(raw, KEYED)`. */
export const KEYED = { error: (issue: RawIssue) => defaultIssueKey(issue) } as const;

/** The values of an issue's message: zod's limits, and a refinement's own `params`. */
function limits(issue: z.core.$ZodIssue): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if ("minimum" in issue) values.minimum = Number(issue.minimum);
  if ("maximum" in issue) values.maximum = Number(issue.maximum);
  if ("divisor" in issue) values.divisor = Number(issue.divisor);
  if (issue.code === "custom" && issue.params) {
    for (const [k, value] of Object.entries(issue.params)) {
      if (typeof value === "string" || typeof value === "number") values[k] = value;
    }
  }
  return values;
}

/** An issue's message: its key with the issue's limits; text that is no key reads as it is. */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  const values = limits(issue);
  return isMessageKey(issue.message)
    ? msg(issue.message, values)
    : msg("Validation.zod.literal", { text: issue.message });
}

/** Field errors of a failed parse, by the first path segment (as z.flattenError groups them). */
export function zodFieldMessages(error: z.ZodError): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of error.issues) {
    const [field] = issue.path;
    if (field === undefined) continue;
    (fields[String(field)] ??= []).push(issueMessage(issue));
  }
  return fields;
}

/** An issue's sentence in a language (English by default: logs and tests). */
export function issueText(issue: z.core.$ZodIssue, locale: Locale = "en"): string {
  return render(issueMessage(issue), locale);
}

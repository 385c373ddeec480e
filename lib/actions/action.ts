// The one wrapper every server action is built with: session → role → zod → handler, and a
// fixed result shape. Session and role come before parsing so that a caller without the
// right role learns nothing about an action's inputs. Branch scope is checked by the handler
// against the rows it touches (ctx.assertBranch), since only the rows know their branch.
import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { assertBranch, recordActivity, requireRole, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { isDatabaseUnavailable } from "@/db/queries/pg-error";
import { AppError, isAppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { requestLocale } from "@/lib/i18n/request-locale";
import { log } from "@/lib/log";
import { requestMeta } from "@/lib/request";
import { actionInput, parseActionInput } from "./input";
import type { Action, ActionResult, ActionState } from "./result";

export type ActionContext = {
  user: CurrentUser;
  ip: string;
  userAgent: string;
  assertBranch: (branchId: string | null) => void;
};

type Definition<S extends z.ZodType, R> = {
  name: string;
  roles: readonly Role[];
  input: S;
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
  /** Only the password change itself runs while a temporary password is set (see requireUser). */
  withTemporaryPassword?: boolean;
  /**
   * Real work on real things (a station's setup): refused with forbidden:action to a person in
   * training, who sees and acts on training work only (docs/training.md).
   */
  realWorkOnly?: boolean;
  /** Where the browser goes after a success (the redirect runs outside the error handling, since it throws). */
  redirectTo?: (data: R) => string;
};

/**
 * Builds an action callable as `action(input)` from client code or as
 * `action(previousState, formData)` from `useActionState`.
 */
export function createAction<S extends z.ZodType, R>(def: Definition<S, R>): Action<z.input<S>, R> {
  function action(input: z.input<S>): Promise<ActionResult<R>>;
  function action(previousState: ActionState<R>, formData: FormData): Promise<ActionResult<R>>;
  async function action(...args: unknown[]): Promise<ActionResult<R>> {
    const result = await run(actionInput(args));
    if (result.ok && def.redirectTo) redirect(def.redirectTo(result.data));
    return result;
  }

  async function run(raw: unknown): Promise<ActionResult<R>> {
    // Known once the session is read; a refusal before that is told in the cookie's language.
    let user: CurrentUser | undefined;
    try {
      user = await requireRole(def.roles, {
        surface: "action",
        withTemporaryPassword: def.withTemporaryPassword,
      });
      // An action is the user's own doing: it keeps a teller's session from going idle.
      await recordActivity();
      if (def.realWorkOnly && user.training) {
        throw new AppError("forbidden:action", { message: msg("Errors.notInTraining") });
      }
      const input = parseActionInput(def.input, raw);
      const meta = await requestMeta();
      const signedIn = user;
      const ctx: ActionContext = { user, ...meta, assertBranch: (b) => assertBranch(signedIn, b) };
      return { ok: true, data: await def.handler(input, ctx) };
    } catch (error) {
      // The log keeps the code and the English; the browser gets the user's language.
      const refusal = (e: AppError) =>
        requestLocale(user).then((locale) => ({ ok: false as const, ...e.toBody(locale) }));
      if (isAppError(error)) {
        if (error.status >= 500) log.error({ action: def.name, err: error, detail: error.detail }, "action failed");
        else log.info({ action: def.name, code: error.code }, "action refused");
        return refusal(error);
      }
      if (isDatabaseUnavailable(error)) {
        log.warn({ action: def.name, err: error }, "action: database unavailable");
        return refusal(new AppError("unavailable:database"));
      }
      // Never forward an unknown error's message to the browser; log it with context.
      log.error({ action: def.name, err: error }, "action crashed");
      return refusal(new AppError("internal:action"));
    }
  }

  return action;
}

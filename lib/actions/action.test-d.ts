// Type-level tests of the action wrapper, checked by `tsc --noEmit` (npm run typecheck / check),
// never run. Each `@ts-expect-error` line is a call that must not compile: if the action types
// went loose again (say `(...args: unknown[])`), the directive would be unused and tsc would fail.
import { useActionState } from "react";
import { expectTypeOf } from "vitest";
import { createBranchAction } from "@/lib/actions/admin/create-branch";
import type { createUserAction } from "@/lib/actions/admin/create-user";
import type { updateUserAction } from "@/lib/actions/admin/update-user";
import { setStationEnabledAction } from "@/lib/actions/manager/set-station-enabled";
import { closeJobAction } from "@/lib/actions/teller/close-job";
import { issueCardAction } from "@/lib/actions/teller/issue-card";
import { retryJobAction } from "@/lib/actions/teller/retry-job";
import { fieldNames, type FieldName } from "./fields";
import type { ActionResult, ActionState } from "./result";

const jobId = "3f1c7a52-8a2b-4c3d-9e4f-5a6b7c8d9e0f";

export async function objectForm() {
  expectTypeOf(await closeJobAction({ jobId })).toEqualTypeOf<ActionResult<{ jobId: string }>>();
  // @ts-expect-error -- a misspelt field name
  await closeJobAction({ jobID: jobId });
  // @ts-expect-error -- a missing field
  await closeJobAction({});
  // @ts-expect-error -- a stray field next to the right one
  await closeJobAction({ jobId, reason: "x" });
  // @ts-expect-error -- a field of the wrong type
  await closeJobAction({ jobId: 42 });

  await issueCardAction({
    requestKey: jobId,
    customerId: jobId,
    productId: jobId,
    stationId: jobId,
    reason: "RENEWAL",
    nameOnCard: "A B",
  });
  await issueCardAction({
    requestKey: jobId,
    customerId: jobId,
    productId: jobId,
    stationId: jobId,
    // @ts-expect-error -- a reason outside the schema's enum
    reason: "LOST",
    nameOnCard: "A B",
  });

  // Form booleans take what a form or code sends; `confirm` is optional in the schema.
  await setStationEnabledAction({ stationId: jobId, enabled: false });
  await setStationEnabledAction({ stationId: jobId, enabled: "on", confirm: true });
  // @ts-expect-error -- `enabled` is required even though its schema takes any value
  await setStationEnabledAction({ stationId: jobId });

  // A field the schema fills with a default may be left out.
  await createBranchAction({ code: "BR042", name: "Harbour" });
}

export async function formDataForm(form: FormData) {
  expectTypeOf(await retryJobAction(null, form)).toEqualTypeOf<ActionResult<{ jobId: string }>>();
  const previous: ActionState<{ id: string; code: string }> = { ok: true, data: { id: jobId, code: "BR042" } };
  await createBranchAction(previous, form);
  // @ts-expect-error -- the previous state of another action's result
  await createBranchAction({ ok: true, data: { jobId } }, form);
  // @ts-expect-error -- the second argument must be the form's data
  await createBranchAction(null, { code: "BR042", name: "Harbour" });
}

export function useFormState() {
  const [state, dispatch] = useActionState(createBranchAction, null);
  expectTypeOf(state).toEqualTypeOf<ActionState<{ id: string; code: string }>>();
  expectTypeOf(dispatch).parameter(0).toEqualTypeOf<FormData>();
}

export function formFieldNames() {
  const field = fieldNames<typeof createBranchAction>();
  expectTypeOf(field("code")).toEqualTypeOf<"code">();
  // @ts-expect-error -- not a field of createBranchSchema
  field("branchCode");

  // Fields shared by two forms take only the names both actions parse.
  expectTypeOf<FieldName<typeof createUserAction | typeof updateUserAction>>().toEqualTypeOf<
    "name" | "email" | "role" | "branchId"
  >();
}

import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/utils";
import { FieldError } from "./field-error";
import { Input, type ControlSize } from "./input";
import { Label } from "./label";

/** What a Field hands its control: spread it onto an Input, Select or Textarea. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string;
};

export type FieldProps = {
  /** The control's id; the hint and the error take `${id}-hint` and `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The field's errors from the action's fieldErrors (or checked in the browser); the first is shown. */
  errors?: string[];
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * A label, an optional hint, the control and its error, wired by id: the error element is always
 * there (empty when valid) so that its aria-live region announces a new message, and the control
 * is described by the hint and the error and marked invalid while there is one.
 */
export function Field({ id, label, hint, errors, className, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <div className="mt-1">
        {children({
          id,
          "aria-invalid": Boolean(errors?.length),
          "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
        })}
      </div>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

type InputFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> &
  Pick<FieldProps, "id" | "label" | "hint" | "errors"> & { sizing?: ControlSize; inputClassName?: string };

/** The common case: a Field around an Input. `className` goes on the field, `inputClassName` on the input. */
export function InputField({ id, label, hint, errors, className, inputClassName, ...props }: InputFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <Input {...control} {...props} className={cn(inputClassName)} />}
    </Field>
  );
}

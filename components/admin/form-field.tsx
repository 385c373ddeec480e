import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  /** Prefix for ids, so two forms on a page do not clash. */
  form: string;
  errors?: Record<string, string[] | undefined>;
  hint?: ReactNode;
};

/** A labelled input whose hint and error are linked with aria-describedby. */
export function FormField({ name, label, form, errors, hint, className, ...props }: Props) {
  const id = `${form}-${name}`;
  const error = errors?.[name];
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <p id={`${id}-hint`} className="text-xs text-slate-700">{hint}</p> : null}
      <Input
        id={id}
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={hint ? `${id}-hint ${id}-error` : `${id}-error`}
        className="mt-1"
        {...props}
      />
      <FieldError id={`${id}-error`} errors={error} />
    </div>
  );
}

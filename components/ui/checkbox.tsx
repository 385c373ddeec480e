import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A native checkbox with its label wrapped around it, so the whole text is the click target. */
export function Checkbox({
  label,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode }) {
  return (
    <label className={cn("inline-flex min-h-10 items-center gap-2 text-sm text-slate-900", className)}>
      <input type="checkbox" className="h-4 w-4 accent-brand-600" {...props} />
      {label}
    </label>
  );
}

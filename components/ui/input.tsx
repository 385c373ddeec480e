import type { InputHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

// `cn` does not merge Tailwind classes, so sizes are a prop rather than overriding classes.
export const CONTROL_SIZES = {
  sm: "px-2 py-1 text-sm",
  md: "px-3 py-2 text-base",
  lg: "px-4 py-3 text-lg",
} as const;

export type ControlSize = keyof typeof CONTROL_SIZES;

export function Input({
  className,
  sizing = "md",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { sizing?: ControlSize }) {
  return (
    <input
      className={cn(
        "block w-full rounded-md border border-slate-400 placeholder:text-slate-500 aria-[invalid=true]:border-red-700",
        // A locked value (readOnly) looks set, not editable.
        props.readOnly ? "bg-slate-100 text-slate-700" : "bg-white text-slate-900",
        CONTROL_SIZES[sizing],
        className,
      )}
      {...props}
    />
  );
}

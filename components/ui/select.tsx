import type { SelectHTMLAttributes } from "react";
import { cn } from "@/lib/utils";
import { CONTROL_SIZES, type ControlSize } from "./input";

/**
 * A native select: keyboard, screen readers and mobile pickers work without extra code. `inline`
 * sizes it to its options (a filter beside its label) instead of the full width of its field.
 */
export function Select({
  className,
  sizing = "md",
  inline = false,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { sizing?: ControlSize; inline?: boolean }) {
  return (
    <select
      className={cn(
        "rounded-md border border-slate-400 bg-white text-slate-900 aria-[invalid=true]:border-red-700",
        inline ? "inline-block max-w-full" : "block w-full",
        CONTROL_SIZES[sizing],
        className,
      )}
      {...props}
    />
  );
}

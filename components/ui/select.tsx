import type { SelectHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

/** A native select: keyboard, screen readers and mobile pickers work without extra code. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700",
        className,
      )}
      {...props}
    />
  );
}

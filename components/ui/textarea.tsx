import type { TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/utils";
import { CONTROL_SIZES, type ControlSize } from "./input";

export function Textarea({
  className,
  sizing = "md",
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { sizing?: ControlSize }) {
  return (
    <textarea
      className={cn(
        "block w-full rounded-md border border-slate-400 bg-white text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700",
        CONTROL_SIZES[sizing],
        className,
      )}
      {...props}
    />
  );
}

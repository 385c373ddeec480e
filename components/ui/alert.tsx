import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-brand-100 bg-brand-50 text-brand-900",
  success: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
} as const;

/** A message box; `live` makes screen readers announce it when it appears. */
export function Alert({
  tone = "info",
  children,
  id,
  live = false,
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  id?: string;
  live?: boolean;
}) {
  return (
    <div
      id={id}
      role={live ? (tone === "error" ? "alert" : "status") : undefined}
      className={cn("rounded-md border px-4 py-3 text-sm", TONES[tone])}
    >
      {children}
    </div>
  );
}

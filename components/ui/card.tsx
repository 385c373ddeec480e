import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/utils";

const HEADING_STYLE = {
  1: "text-2xl font-bold",
  2: "text-base font-semibold",
  3: "font-semibold",
  4: "text-sm font-semibold",
} as const;

type Level = keyof typeof HEADING_STYLE;

export type CardProps = Omit<ComponentProps<"section">, "title"> & {
  /** The card's heading; the section is labelled by it, so it is a named region. */
  title?: ReactNode;
  /** Where the heading sits in the page's outline (h2 by default). */
  level?: Level;
  /** The heading's id, when something else refers to it; generated otherwise. */
  headingId?: string;
  /** Replaces the level's default heading style. */
  headingClassName?: string;
  description?: ReactNode;
  /** Beside the heading, e.g. a live badge or a filter. */
  actions?: ReactNode;
  /** `compact` for small tiles such as the board's figures. */
  padding?: "normal" | "compact";
};

/**
 * A white panel, as a <section> labelled by its real heading. A card without a title is named
 * with `aria-label` or left unnamed (then it is no landmark, just a box).
 */
export function Card({
  title,
  level = 2,
  headingId,
  headingClassName,
  description,
  actions,
  padding = "normal",
  className,
  children,
  ...props
}: CardProps) {
  const generated = useId();
  const id = headingId ?? generated;
  const Heading = `h${level}` as const;
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <section
      aria-labelledby={title !== undefined ? id : undefined}
      className={cn(
        "rounded-lg border border-slate-200 bg-white shadow-sm",
        padding === "compact" ? "p-4" : "p-5",
        className,
      )}
      {...props}
    >
      {hasHeader ? (
        <div className="mb-3 flex flex-wrap items-end justify-between gap-x-3 gap-y-2">
          {title !== undefined ? (
            <div>
              <Heading id={id} className={headingClassName ?? HEADING_STYLE[level]}>
                {title}
              </Heading>
              {description ? <p className="mt-1 text-sm text-slate-700">{description}</p> : null}
            </div>
          ) : null}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

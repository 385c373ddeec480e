import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

/*
 * Tables with one look. The wrapper scrolls sideways inside itself, so a wide table on a narrow
 * screen never makes the whole page scroll. `min-w-0` lets it shrink inside grid and flex items,
 * whose automatic minimum width would otherwise grow to the table's and push the page wider.
 * `relative` makes it the containing block of the table's `sr-only` texts (absolutely
 * positioned): without it they escape the scrolling box and widen the page by themselves.
 */

type TableProps = ComponentProps<"table"> & {
  /** What the table lists; read by screen readers, shown only with `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  /** Below this width (a Tailwind class such as `min-w-[56rem]`) the table scrolls instead of squeezing. */
  minWidth?: string;
  /** Row height: `relaxed` for rows with buttons or several lines, `compact` for small figures. */
  density?: keyof typeof DENSITY;
  /**
   * The scrolling box takes keyboard focus (a named region), for a table that may be wider than
   * its box and has nothing focusable inside: keyboard users could not scroll it otherwise.
   */
  keyboardScroll?: boolean;
};

// Set on the table, not the cells: `cn` does not merge Tailwind classes, so a cell's own padding
// could not be overridden reliably.
const DENSITY = {
  compact: "[&_td]:py-1 [&_th]:py-1",
  normal: "[&_td]:py-2 [&_th]:py-2",
  relaxed: "[&_td]:py-3 [&_tbody_th]:py-3 [&_thead_th]:py-2",
} as const;

export function Table({
  caption,
  showCaption = false,
  minWidth,
  density = "normal",
  keyboardScroll = false,
  className,
  children,
  ...props
}: TableProps) {
  const focus =
    keyboardScroll && typeof caption === "string"
      ? { tabIndex: 0, role: "region", "aria-label": caption }
      : keyboardScroll
        ? { tabIndex: 0 }
        : {};
  return (
    <div className="relative w-full min-w-0 overflow-x-auto" {...focus}>
      <table className={cn("w-full text-left text-sm", DENSITY[density], minWidth, className)} {...props}>
        <caption className={showCaption ? "mb-2 text-left text-sm font-semibold" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-slate-300 text-slate-700", className)} {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b border-slate-100", className)} {...props} />;
}

const CELL = "pr-4 last:pr-0";
// Numbers line up on the right and keep their width, so a column of them can be compared.
const NUMERIC = "text-right tabular-nums";

type CellOptions = { numeric?: boolean };

/** A column heading. */
export function TableHead({ numeric, className, ...props }: ComponentProps<"th"> & CellOptions) {
  return (
    <th scope="col" className={cn(CELL, "align-bottom font-semibold", numeric && NUMERIC, className)} {...props} />
  );
}

/** The cell that names its row (read out with every other cell of the row). */
export function TableRowHead({ className, ...props }: ComponentProps<"th">) {
  return <th scope="row" className={cn(CELL, "font-normal", className)} {...props} />;
}

export function TableCell({ numeric, className, ...props }: ComponentProps<"td"> & CellOptions) {
  return <td className={cn(CELL, numeric && NUMERIC, className)} {...props} />;
}

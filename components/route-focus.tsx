"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** A field the user types into (or one the new page focused itself, e.g. with autoFocus). */
const TYPING = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";

/**
 * After a client navigation, focus goes to the new page's main heading instead of staying on
 * <body> (UX walk T16, X7): a keyboard user continues from the top of the new page and a screen
 * reader reads where they are. Not on the first load (the browser starts at the top and reads
 * the title), and not when a form field has focus, so typing is never interrupted.
 *
 * The new title is already announced by Next.js's route announcer (next-route-announcer, an
 * assertive live region that reads document.title after each navigation), so this adds no
 * announcement of its own. Lives in the root layout, so it also follows a change of area.
 */
export function RouteFocus() {
  const path = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.activeElement?.matches(TYPING)) return;
    const heading = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
    if (!heading) return;
    // Focusable by script only: a heading is not a Tab stop. The design's :focus-visible ring
    // shows when the user came by keyboard, not after a click.
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, [path]);
  return null;
}

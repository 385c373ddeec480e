import { expect, type Page } from "@playwright/test";

/**
 * The page itself does not scroll sideways: a wide table scrolls inside its own box instead
 * (UX walk M6, A11). Checked on the root element, which is what scrolls when anything overflows.
 */
export async function expectNoSidewaysPageScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `the page is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/** Common back-office and tablet screens the UX walk found overflowing. */
export const NARROW_SCREENS = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;

// After a client navigation, focus is on the new page's main heading (UX walk T16, X7), not on
// <body>; on the first load the browser's own start is kept.
import { expect, test } from "./fixtures";
import { storageState } from "./support/users";

test.use({ storageState: storageState("managerRiverside") });

test("following a link of the main navigation moves focus to the new page's h1", async ({ page }) => {
  await page.goto("/manager");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  // The first load leaves focus where the browser puts it.
  await expect(page.getByRole("heading", { level: 1 })).not.toBeFocused();

  await nav.getByRole("link", { name: "Stations" }).click();
  await expect(page).toHaveURL(/\/manager\/stations$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeFocused();
  await expect(heading).toHaveAttribute("tabindex", "-1");

  // And on to another page by keyboard: focus follows again.
  await nav.getByRole("link", { name: "Card stock" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/manager\/stock$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("a field the teller is typing in keeps focus when the address changes", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("tellerRiverside") });
  const page = await context.newPage();
  await page.goto("/teller");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  // Counts every time the heading takes focus.
  await page.evaluate(() => {
    const h1 = document.querySelector("main h1")!;
    h1.addEventListener("focus", () =>
      h1.setAttribute("data-focused", String(Number(h1.getAttribute("data-focused") ?? 0) + 1)),
    );
  });
  const search = page.getByRole("combobox", { name: "Find a customer" });
  await search.fill("mei");
  // Client-side changes of the path (Next.js follows history.pushState into usePathname) while
  // the field has focus: the heading must not take it.
  await page.evaluate(() => window.history.pushState(null, "", "/teller/elsewhere"));
  await page.evaluate(() => window.history.pushState(null, "", "/teller"));
  await expect(search).toBeFocused();
  // Then one with a link focused: the heading takes focus. Effects run in order, so once it has,
  // the two changes before were handled too, and they left it alone: it took focus once.
  await page.getByRole("link", { name: "Counter", exact: true }).focus();
  await page.evaluate(() => window.history.pushState(null, "", "/teller/elsewhere"));
  await expect(heading).toBeFocused();
  await expect(heading).toHaveAttribute("data-focused", "1");
  await context.close();
});

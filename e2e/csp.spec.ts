// The CSP is enforced by the browser, not only sent: injected script does not run and nothing
// loads from another host, while the page's own scripts (which carry the nonce) do. Uses Playwright's plain `test`,
// since the violation it provokes would fail the shared no-violation check of e2e/fixtures.ts.
import { expect, test } from "@playwright/test";

test("injected script and foreign loads are blocked, and the page still works", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/login");
  // What an HTML injection would add: an inline event handler, and an image that leaks to
  // another host. (Scripts created by the test itself count as trusted under 'strict-dynamic'.)
  await page.evaluate(() => {
    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__injected = true");
    document.body.append(button);
    button.click();
    const img = document.createElement("img");
    img.src = "https://evil.example/pixel.png";
    document.body.append(img);
  });
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations.join("\n")).toMatch(/script-src/);
  expect(violations.join("\n")).toMatch(/img-src/);

  // Hydrated: React's scripts ran (they carry the nonce) and attached themselves to the form.
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(document.querySelector("form") ?? {}).some((k) => k.startsWith("__reactFiber"))),
    )
    .toBe(true);
});

import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { storageState } from "./support/users";

test.describe("manager: the live board", () => {
  test.use({ storageState: storageState("manager") });

  test("falls back to polling and keeps updating when the event stream is refused", async ({ page, browser }) => {
    // A proxy that refuses event streams: every attempt fails.
    let refused = 0;
    await page.route("**/api/events/stream**", (route) => {
      refused += 1;
      return route.abort();
    });
    await page.goto("/manager");
    const badge = page.getByTestId("live-status");
    await expect(badge).toHaveAttribute("data-status", "polling");
    await expect(badge).toHaveText(/Updating every 3 seconds/);
    await expect(page.getByTestId("live-announcer")).toHaveText(/Live updates are unavailable/);
    expect(refused).toBeGreaterThan(0);

    // Meanwhile a teller of the branch issues a card; the board has nothing but polling to learn it.
    const name = "POLLING BOARD";
    const teller = await browser.newContext({ storageState: storageState("teller") });
    try {
      const counter = new CounterPage(await teller.newPage());
      await counter.goto();
      await counter.openCustomer("C00000088");
      await counter.issue({ name });
      await counter.expectDone();
    } finally {
      await teller.close();
    }

    // In the latest requests: after the branch closes (18:00) the same card is also listed as
    // produced and not handed over, so a row of the whole page is not one row.
    const row = page.getByRole("region", { name: "Latest card requests" }).getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Card produced");
    await expect(badge).toHaveAttribute("data-status", "polling");
  });
});

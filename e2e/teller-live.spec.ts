import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { sim } from "./support/simulator";
import { storageState } from "./support/users";

test.describe("live production", () => {
  test.use({ storageState: storageState("teller") });

  test("a dropped event stream resumes without missing a status", async ({ page, context }) => {
    await sim("PATCH", "/stations/BR001-PS-02", { timings: { readyMs: 6000, doneMs: 9000 } });
    try {
      const counter = new CounterPage(page);
      await counter.goto();
      await counter.openCustomer("C00000041");
      await counter.issue({ station: "Counter printer 2" });
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
      // Go offline while the card waits for the station (ready after 6 s); the server recycles the
      // stream within 3 s (SSE_MAX_SECONDS in e2e/serve.ts) and the browser cannot reconnect.
      await expect(counter.jobState()).toContainText(/Sending to D1|Accepted by D1/);
      const jobId = page.url().split("/").pop()!;

      await context.setOffline(true);
      // The screen says so rather than looking live.
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "offline");
      await expect(page.getByTestId("live-announcer")).toHaveText(/Offline/);
      // Meanwhile the card is produced: the server knows, the screen cannot.
      await expect
        .poll(
          async () =>
            ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { job: { state: string } }).job.state,
          {
            timeout: 20_000,
          },
        )
        .toBe("done");
      await expect(page.getByTestId("hand-over")).toHaveCount(0);
      await expect(counter.jobState()).not.toContainText("Ready at the station");

      await context.setOffline(false);
      await counter.expectDone();
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
      await expect(page.getByTestId("live-announcer")).toHaveText("Live updates are back.");
      const steps = page.getByRole("list", { name: "Production steps" });
      await expect(steps.getByRole("listitem").filter({ hasText: "Ready at the station" })).toContainText(
        /\d{2}:\d{2}:\d{2}/,
      );
      await expect(steps.getByText("(done)")).toHaveCount(4);
    } finally {
      await sim("PATCH", "/stations/BR001-PS-02", { timings: { readyMs: 300, doneMs: 900 } });
    }
  });
});

test.describe("branches are kept apart", () => {
  test("a teller of another branch sees neither the job nor its events", async ({ browser }) => {
    const downtown = await browser.newContext({ storageState: storageState("teller") });
    const riverside = await browser.newContext({ storageState: storageState("tellerRiverside") });
    const page = await downtown.newPage();
    const other = await riverside.newPage();

    await other.goto("/teller");
    await expect(other.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    // Collect every event the Riverside screen's own stream receives.
    await other.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const source = new EventSource("/api/events/stream");
      source.addEventListener("job", (e) => w.seen.push((e as MessageEvent<string>).data));
    });

    const counter = new CounterPage(page);
    await counter.goto();
    await counter.openCustomer("C00000052");
    await counter.issue();
    await counter.expectDone();
    const jobId = page.url().split("/").pop()!;

    const response = await other.request.get(`/api/jobs/${jobId}`);
    expect(response.status()).toBe(404);
    await other.goto(`/teller/jobs/${jobId}`);
    await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const polled = (await (await other.request.get("/api/events?after=0")).json()) as {
      events: Array<{ jobId: string }>;
    };
    expect(polled.events.some((e) => e.jobId === jobId)).toBe(false);
    await other.goto("/teller");
    const seen = await other.evaluate(() => (window as unknown as { seen?: string[] }).seen ?? []);
    expect(seen.some((data) => data.includes(jobId))).toBe(false);
    await expect(other.getByText("C00000052")).toHaveCount(0);
    await downtown.close();
    await riverside.close();
  });
});

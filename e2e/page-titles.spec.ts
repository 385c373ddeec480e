// Page titles name the page and the customer or request (issue 17, UX walk T21), in the user's
// language, without leaking: the customer page's title is a plain read (one access-log row per
// page view, written by the page), and another branch's request gets the not-found title.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { awaitingRequest } from "./support/awaiting-request";
import { query } from "./support/database";
import { germanContext } from "./support/german-users";
import { storageState } from "./support/users";

test.use({ storageState: storageState("tellerRiverside") });

const SUFFIX = " · Branch Instant Issuance";

async function customer(number: string) {
  const [row] = await query<{ id: string; name: string }>(
    "select id, given_name || ' ' || family_name as name from customers where customer_number = $1",
    [number],
  );
  return row!;
}

/** Customer-page rows of the access log for this user and customer. */
async function pageViews(email: string, customerId: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `select count(*)::int as n from customer_access_log l join users u on u.id = l.user_id
      where u.email = $1 and l.customer_id = $2 and l.screen = 'customer_page'`,
    [email, customerId],
  );
  return row!.n;
}

test("the customer page's title names the customer, and one view writes one access-log row", async ({
  page,
  browser,
}) => {
  const c = await customer("C00000165");
  const before = await pageViews("teller@riverside.demo", c.id);
  await page.goto(`/teller/customers/${c.id}`);
  await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
  await expect(page).toHaveTitle(`${c.name} · Customer${SUFFIX}`);
  expect(await pageViews("teller@riverside.demo", c.id)).toBe(before + 1);

  // A customer that does not exist: the not-found title.
  await page.goto(`/teller/customers/${randomUUID()}`);
  await expect(page).toHaveTitle(`Page not found${SUFFIX}`);

  const german = await germanContext(browser, "teller");
  const deutsch = await german.newPage();
  await deutsch.goto(`/teller/customers/${c.id}`);
  await expect(deutsch).toHaveTitle(`${c.name} · Kunde${SUFFIX}`);
  await german.close();
});

test("the job and approval pages' titles name the customer and the request, never for another branch", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const request = await awaitingRequest(browser, "C00000166");
  const c = await customer("C00000166");
  const [job] = await query<{ ref: string }>("select issuer_request_id as ref from issuance_jobs where id = $1", [
    request.jobId,
  ]);
  const short = job!.ref.slice(0, 12);
  expect(short).toMatch(/^req-[0-9a-f]{8}$/);

  await page.goto(`/teller/jobs/${request.jobId}`);
  await expect(page).toHaveTitle(`Card request for ${c.name} (${short})${SUFFIX}`);
  const manager = await browser.newContext({ storageState: storageState("managerRiverside") });
  const managerPage = await manager.newPage();
  await managerPage.goto(`/manager/approvals/${request.jobId}`);
  await expect(managerPage).toHaveTitle(`Card request for ${c.name} (${short})${SUFFIX}`);
  await manager.close();

  const german = await germanContext(browser, "teller");
  const deutsch = await german.newPage();
  await deutsch.goto(`/teller/jobs/${request.jobId}`);
  await expect(deutsch).toHaveTitle(`Kartenantrag für ${c.name} (${short})${SUFFIX}`);
  await german.close();

  // Downtown's teller and manager: not found, and the title does not name Riverside's customer.
  for (const [persona, path] of [
    ["teller", `/teller/jobs/${request.jobId}`],
    ["manager", `/manager/approvals/${request.jobId}`],
  ] as const) {
    const other = await browser.newContext({ storageState: storageState(persona) });
    const otherPage = await other.newPage();
    await otherPage.goto(path);
    await expect(otherPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(otherPage).toHaveTitle(`Page not found${SUFFIX}`);
    expect(await otherPage.title()).not.toContain(c.name);
    await other.close();
  }
  await request.retireProduct();
});

test("the 404 page has a title of its own", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle(`Page not found${SUFFIX}`);
});

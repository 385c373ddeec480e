// Every page of every role, in English and in German, has no serious or critical axe finding
// (issue 17, part 5): the teller's, manager's and admin's pages, the password page, the sign-in
// page, the 403 and 404 pages. English through the demo users, German through users whose own
// language is German (e2e/support/german-users.ts), and the bii_lang cookie before sign-in.
// Each test visits all its pages and then lists every finding with its page, not just the first.
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { awaitingRequest, type AwaitingRequest } from "./support/awaiting-request";
import { query } from "./support/database";
import { germanContext, type Role } from "./support/german-users";
import { storageState, type Persona } from "./support/users";

type Ids = { customer: string; job: string; branch: string; product: string; user: string };

const PAGES: Record<Role, (ids: Ids) => string[]> = {
  teller: (ids) => [
    "/teller",
    `/teller/customers/${ids.customer}`,
    `/teller/jobs/${ids.job}`,
    "/account/password",
    // 403 and 404.
    "/admin",
    "/no-such-page",
  ],
  manager: (ids) => [
    "/manager",
    "/manager/approvals",
    `/manager/approvals/${ids.job}`,
    "/manager/stations",
    "/manager/stock",
    "/manager/end-of-day",
    "/manager/reports",
    "/manager/audit",
    // The single sign-on confirmation's last page, here without a confirmation.
    "/second-signer",
  ],
  admin: (ids) => [
    "/admin",
    "/admin/products",
    "/admin/products/new",
    `/admin/products/${ids.product}`,
    "/admin/stock-types",
    "/admin/approvals",
    "/admin/branches",
    `/admin/branches/${ids.branch}`,
    "/admin/users",
    `/admin/users/${ids.user}`,
    "/admin/sso",
    "/admin/d1",
    "/admin/audit",
    "/admin/access-log",
  ],
};

/** Riverside's demo users: the request below is Riverside's, like the German users. */
const ENGLISH: Record<Role, Persona> = { teller: "tellerRiverside", manager: "managerRiverside", admin: "admin" };

/** The serious and critical findings on the page as it is now, as "path: rule (targets)". */
async function findings(page: Page, path: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Visits each path in the context's language and returns every finding. */
async function visitAll(context: BrowserContext, paths: string[], lang: "en" | "de"): Promise<string[]> {
  const page = await context.newPage();
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
    await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
    found.push(...(await findings(page, path)));
  }
  await page.close();
  return found;
}

let request: AwaitingRequest;
let ids: Ids;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  request = await awaitingRequest(browser, "C00000163");
  const [row] = await query<Omit<Ids, "job">>(
    `select (select id from customers where customer_number = 'C00000164') as customer,
            (select id from branches where code = 'BR002') as branch,
            (select id from card_products order by created_at limit 1) as product,
            (select id from users where email = 'teller@riverside.demo') as "user"`,
  );
  ids = { ...row!, job: request.jobId };
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await request.retireProduct();
});

for (const role of ["teller", "manager", "admin"] as const) {
  test(`every ${role} page is axe clean in English`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ storageState: storageState(ENGLISH[role]) });
    expect(await visitAll(context, PAGES[role](ids), "en")).toEqual([]);
    await context.close();
  });

  test(`every ${role} page is axe clean in German`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await germanContext(browser, role);
    expect(await visitAll(context, PAGES[role](ids), "de")).toEqual([]);
    await context.close();
  });
}

test("the sign-in page is axe clean in English and, by the language cookie, in German", async ({ browser }) => {
  for (const lang of ["en", "de"] as const) {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-GB" });
    if (lang === "de")
      await context.addCookies([{ name: "bii_lang", value: "de", url: test.info().project.use.baseURL! }]);
    expect(await visitAll(context, ["/login", "/no-such-page"], lang)).toEqual([]);
    await context.close();
  }
});

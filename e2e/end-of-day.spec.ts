// The end-of-day count with a difference: at a branch of its own (so no other journey's cards
// move its stock), 100 blank cards were loaded into a station, 5 produced and 1 spoiled, so 94
// are expected. The manager and a teller count 93: the difference is flagged on the board and
// must be explained; the explanation clears it and stays in the history and its CSV.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { readRunInfo } from "./support/run-dir";
import { SSO_PROVIDER_NAME } from "./support/sso-accounts";
import { persona } from "./support/users";

const code = `EOD${Date.now().toString(36).toUpperCase()}`;
const manager = { email: `manager@${code.toLowerCase()}.demo`, name: "Erin Evening" };
const teller = { email: `teller@${code.toLowerCase()}.demo`, name: "Tom Tally" };
const STATION = "Counter printer EOD";

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, persona("manager").password);
  await page.waitForURL("**/manager");
  return page;
}

test.beforeAll(async () => {
  await withDb(async (db) => {
    const branch = await db.query<{ id: string }>(
      `insert into branches (code, name, timezone, station_id_pattern) values ($1, 'End of day branch', 'Europe/Berlin', $2) returning id`,
      [code, `${code}-*`],
    );
    const branchId = branch.rows[0]!.id;
    const station = await db.query<{ id: string }>(
      `insert into stations (branch_id, perso_station, label, location, is_default) values ($1, $2, $3, 'Hall', true) returning id`,
      [branchId, `${code}-PS-01`, STATION],
    );
    const stationId = station.rows[0]!.id;
    // The demo password, so the spec signs in with what it knows.
    for (const [u, role] of [
      [manager, "manager"],
      [teller, "teller"],
    ] as const) {
      await db.query(
        `insert into users (email, name, role, branch_id, password_hash)
         select $1, $2, $3, $4, password_hash from users where email = $5`,
        [u.email, u.name, role, branchId, persona("manager").email],
      );
    }
    const type = await db.query<{ id: string }>(
      `insert into stock_types (code, name) values ($1, 'Visa blank EOD') returning id`,
      [`${code}-VISA`],
    );
    const row = (place: string, movement: string, quantity: number) =>
      db.query(
        `insert into stock_ledger (branch_id, stock_type_id, place, station_id, movement, quantity) values ($1, $2, $3, $4, $5, $6)`,
        [branchId, type.rows[0]!.id, place, place === "station" ? stationId : null, movement, quantity],
      );
    await row("vault", "received", 500);
    await row("vault", "loaded", -100);
    await row("station", "loaded", 100);
    for (let i = 0; i < 5; i++) await row("station", "produced", -1);
    await row("station", "spoiled", -1);
    await row("spoiled", "spoiled", 1);
  });
});

test("two people count 93 of 94: the difference is flagged until a manager explains it", async ({ browser }) => {
  // Four pages, four accessibility scans and a CSV: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const page = await signedIn(browser, manager.email);
  await page.getByRole("link", { name: "End of day" }).click();
  await expect(page.getByRole("heading", { name: "End of day", level: 1 })).toBeVisible();

  const card = page.getByRole("region", { name: `${STATION} · Visa blank EOD` });
  const breakdown = card.getByTestId("breakdown");
  await expect(breakdown).toContainText("Opening balance0");
  await expect(breakdown).toContainText("Loaded+100");
  await expect(breakdown).toContainText("Produced−5");
  await expect(breakdown).toContainText("Spoiled−1");
  await expect(breakdown).toContainText("Expected94");
  expect(await seriousViolations(page)).toEqual([]);

  // The manager cannot be their own second person.
  const form = card.getByRole("form", { name: `Count of ${STATION}` });
  // The shared dual-control form: the second person may also confirm through the bank's SSO.
  await expect(form.getByRole("button", { name: `Confirm with ${SSO_PROVIDER_NAME}` })).toBeVisible();
  await form.getByLabel("Cards counted").fill("93");
  await form.getByLabel("Their e-mail").fill(manager.email);
  await form.getByLabel("Their password").fill(persona("manager").password);
  await form.getByRole("button", { name: `Record the count of ${STATION}` }).click();
  await expect(form.getByText("The second person must be someone else")).toBeVisible();
  await expect(form.getByLabel("Cards counted")).toHaveValue("93");
  // What was typed stays, except the second person's password.
  await expect(form.getByLabel("Their e-mail")).toHaveValue(manager.email);
  await expect(form.getByLabel("Their password")).toHaveValue("");

  await form.getByLabel("Their e-mail").fill(teller.email);
  await form.getByLabel("Their password").fill(persona("manager").password);
  await form.getByRole("button", { name: `Record the count of ${STATION}` }).click();
  await expect(card.getByText("Difference of −1: expected 94, counted 93. A manager must explain it.")).toBeVisible();
  await expect(card.getByText(`Counted by ${manager.name}, confirmed by ${teller.name}.`)).toBeVisible();

  // Flagged on the board, with both names.
  await page.getByRole("link", { name: "Branch board" }).click();
  const flag = page.getByTestId("count-differences");
  await expect(flag).toContainText(`${STATION} · Visa blank EOD`);
  await expect(flag).toContainText("expected 94, counted 93 (difference −1)");
  await expect(flag).toContainText(`Counted by ${manager.name}, confirmed by ${teller.name}.`);
  expect(await seriousViolations(page)).toEqual([]);

  // Explained from the board's link: the flag goes, the history keeps the explanation.
  await flag.getByRole("link", { name: "Explain the difference" }).click();
  const explain = page.getByRole("form", { name: new RegExp(`Explain the difference at ${STATION}`) });
  await explain.getByRole("button", { name: "Explain the difference" }).click();
  await expect(explain.getByText("Explain the difference in a sentence")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const why = "One card was found under the printer's tray, spoiled, and destroyed.";
  await explain.getByLabel("Explanation").fill(why);
  await explain.getByRole("button", { name: "Explain the difference" }).click();
  await expect(page.getByRole("region", { name: "Differences to explain" })).toHaveCount(0);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("row", { name: new RegExp(STATION) })).toContainText(why);
  await expect(history.getByRole("row", { name: new RegExp(STATION) })).toContainText(
    `${manager.name} / ${teller.name}`,
  );
  await expect(
    card.getByText("Difference of −1: expected 94, counted 93. Explained and booked as a correction."),
  ).toBeVisible();

  const csv = await page.request.get(
    (await history.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "",
  );
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(
    `"${STATION}","Visa blank EOD","0","0","100","-5","-1","0","0","94","93","-1","${manager.name}","${teller.name}"`,
  );
  expect(text).toContain(why);

  await page.getByRole("link", { name: "Branch board" }).click();
  await expect(page.getByRole("heading", { name: "Branch board" })).toBeVisible();
  await expect(page.getByTestId("count-differences")).toHaveCount(0);
});

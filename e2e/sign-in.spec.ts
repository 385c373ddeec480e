import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HOME_PATH, persona, type Persona } from "./support/users";

const HEADINGS = { teller: "Counter", manager: "Branch board", admin: "Administration" } as const;

test.describe("sign-in", () => {
  for (const p of ["teller", "manager", "admin"] as Persona[]) {
    test(`${p} signs in and lands on their home`, async ({ page }) => {
      const user = persona(p);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(user.email, user.password);
      await expect(page).toHaveURL(new RegExp(`${HOME_PATH[user.role]}$`));
      await expect(page.getByRole("heading", { level: 1, name: HEADINGS[user.role] })).toBeVisible();
      await expect(page.getByTestId("signed-in-user")).toContainText(user.name);

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto(HOME_PATH[user.role]);
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("a wrong password shows one generic error and no session, and keeps the e-mail", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.waitForLoadState("networkidle");
    const heading = page.getByRole("heading", { name: "Branch Instant Issuance" });
    const before = await heading.boundingBox();
    await login.signIn(persona("teller").email, "not-the-password");
    await expect(login.error()).toHaveText("The e-mail address or password is not correct.");
    await expect(page).toHaveURL(/\/login/);
    // The error opens below the heading: the page does not jump under the teller's eyes.
    expect((await heading.boundingBox())?.y).toBe(before?.y);
    await expect(page.getByLabel("E-mail address")).toHaveValue(persona("teller").email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Password")).toBeFocused();
    // The same sentence for an account that does not exist: nothing to learn about accounts.
    await login.signIn("nobody@downtown.demo", "not-the-password");
    await expect(login.error()).toHaveText("The e-mail address or password is not correct.");
  });

  test("empty fields get field errors linked to their inputs", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#email-error")).toHaveText("Enter your e-mail address.");
  });

  test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });

  test("the sign-in page has no serious accessibility violations", async ({ page }) => {
    await new LoginPage(page).goto();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

// React resets a form after its action runs; these forms keep what was typed when the server
// answers with an error, so nobody types a whole form again because of one field.
import { expect, test } from "./fixtures";
import { storageState } from "./support/users";

test.describe("an admin's new branch form", () => {
  test.use({ storageState: storageState("admin") });

  test("keeps every field after an error, suggests time zones, and empties only once the branch is created", async ({
    page,
  }) => {
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
    await page.goto("/admin/branches");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Branch code").fill(code);
    await page.getByLabel("Name", { exact: true }).fill("Harbour");
    await page.getByLabel("Address").fill("7 Quay Street");
    await page.getByLabel("Time zone").fill("Berlin");
    await page.getByRole("button", { name: "Create branch" }).click();
    await expect(page.locator("#branch-timezone-error")).toHaveText("Choose a valid time zone, e.g. Europe/Berlin.");
    await expect(page.getByLabel("Branch code")).toHaveValue(code);
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Harbour");
    await expect(page.getByLabel("Address")).toHaveValue("7 Quay Street");
    await expect(page.getByLabel("Time zone")).toHaveValue("Berlin");

    // The suggestions are the zones the server accepts.
    const list = await page.getByLabel("Time zone").getAttribute("list");
    await expect(page.locator(`datalist#${list} option[value="Europe/Berlin"]`)).toHaveCount(1);
    await page.getByLabel("Time zone").fill("Europe/Berlin");
    await page.getByRole("button", { name: "Create branch" }).click();
    await expect(page.getByText(`Branch ${code} created.`)).toBeVisible();
    await expect(page.getByLabel("Branch code")).toHaveValue("");
    await expect(page.getByLabel("Time zone")).toHaveValue("");
  });
});

test.describe("the change-password form", () => {
  test.use({ storageState: storageState("teller") });

  test("keeps the current password after a rule error and empties the new pair to be chosen again", async ({
    page,
  }) => {
    await page.goto("/account/password");
    await page.waitForLoadState("networkidle");
    const current = page.getByLabel("Current password");
    const chosen = page.getByLabel(/^New password \(/);
    const again = page.getByLabel("New password again");
    await current.fill("what-i-use-today");
    await chosen.fill("short");
    await again.fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#newPassword-error")).toContainText("Use at least");
    await expect(current).toHaveValue("what-i-use-today");
    await expect(chosen).toHaveValue("");
    await expect(again).toHaveValue("");
    await expect(chosen).toBeFocused();

    await chosen.fill("a long new passphrase");
    await again.fill("a long new passphrose");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#confirmPassword-error")).toHaveText("The two new passwords do not match.");
    await expect(current).toHaveValue("what-i-use-today");
    await expect(chosen).toHaveValue("");
    await expect(chosen).toBeFocused();
    await expect(page).toHaveURL(/\/account\/password$/);
  });
});

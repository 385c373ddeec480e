// The admin ties a branch's stations to it with a station id pattern, and registers a new
// branch's first station (it has no manager yet).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

test("an admin sets a new branch's station id pattern and registers its first station", async ({ page }) => {
  const code = `E${Date.now().toString(36).toUpperCase()}`;
  await page.goto("/admin/branches");
  await page.getByLabel("Branch code").fill(code);
  await page.getByLabel("Name").fill(`Harbour ${code}`);
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Create branch" }).click();
  await expect(page.getByText(`Branch ${code} created.`)).toBeVisible();
  await page.getByRole("link", { name: `Harbour ${code}` }).click();

  // A new branch starts with the ids that begin with its code; a typed prefix becomes a pattern.
  const pattern = page.getByLabel("Station id pattern");
  await expect(pattern).toHaveValue(`${code}-*`);
  await pattern.fill("*");
  await page.getByRole("button", { name: "Save branch" }).click();
  await expect(page.locator("#branch-edit-station-pattern-error")).toContainText("at least 3 fixed characters");
  await pattern.fill(`${code}-PS-`);
  await page.getByRole("button", { name: "Save branch" }).click();
  await expect(page.getByText(`Branch ${code} is saved. Its station ids match ${code}-PS-*.`)).toBeVisible();

  await page.getByRole("link", { name: "Stations", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personalization stations" })).toBeVisible();
  await expect(
    page.getByText("This branch has no personalization station yet. Register the first one below."),
  ).toBeVisible();
  const idField = page.getByLabel("Station id (persoStation)");
  await expect(idField).toHaveAccessibleDescription(
    `This branch's ids match ${code}-PS-* (* stands for any characters).`,
  );

  await idField.fill("BR001-PS-77");
  await page.getByLabel("Label", { exact: true }).fill("First printer");
  await page.getByRole("button", { name: "Register station" }).click();
  await expect(page.locator("#station-persoStation-error")).toContainText(`match ${code}-PS-*`);

  await idField.fill(`${code}-PS-01`);
  await page.getByRole("button", { name: "Register station" }).click();
  await expect(page.getByText(`Station ${code}-PS-01 is registered, disabled until a test card`)).toBeVisible();
  const row = page.getByTestId(`station-${code}-PS-01`);
  await expect(row).toContainText("Disabled");
  await expect(row).toContainText("Not verified yet");
  // The admin setting up the branch confirms the test card too; the branch's manager enables it.
  await row.getByRole("button", { name: "Confirm test card: First printer" }).click();
  await page.getByRole("button", { name: "A test card was printed here" }).click();
  await expect(page.getByText("First printer is verified.")).toBeVisible();
  await expect(row).not.toContainText("Not verified yet");

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

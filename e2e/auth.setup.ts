// Signs each persona in once and saves the session for the other projects.
import { expect, test as setup } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HOME_PATH, PERSONAS, persona, storageState } from "./support/users";

for (const p of PERSONAS) {
  setup(`sign in as ${p}`, async ({ page }) => {
    const user = persona(p);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.email, user.password);
    await expect(page).toHaveURL(new RegExp(`${HOME_PATH[user.role]}$`));
    await page.context().storageState({ path: storageState(p) });
  });
}

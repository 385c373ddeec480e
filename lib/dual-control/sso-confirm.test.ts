import { describe, expect, it } from "vitest";
import { FRESH_SECONDS, isFreshAuthentication } from "./sso-confirm";
import { openFlow, sealFlow, type PendingFlow } from "./sso-flow-cookie";

const NOW = 1_800_000_000;

describe("the identity provider's re-authentication", () => {
  it("counts only when it happened after the popup opened and within the last two minutes", () => {
    const started = NOW - 30;
    expect(isFreshAuthentication(NOW - 10, started, NOW)).toBe(true);
    // A session from before the popup opened: the provider did not ask for the password.
    expect(isFreshAuthentication(started - 60, started, NOW)).toBe(false);
    expect(isFreshAuthentication(NOW - FRESH_SECONDS - 1, NOW - 600, NOW)).toBe(false);
    expect(isFreshAuthentication(undefined, started, NOW)).toBe(false);
    expect(isFreshAuthentication(String(NOW), started, NOW)).toBe(false);
    expect(isFreshAuthentication(NOW + 3600, started, NOW)).toBe(false);
  });
});

describe("the pending flow's cookie", () => {
  const flow: PendingFlow = {
    state: "s",
    nonce: "n",
    codeVerifier: "v",
    actorId: "00000000-0000-4000-8000-000000000001",
    branchId: "00000000-0000-4000-8000-000000000002",
    step: "stock.load",
    startedAt: NOW,
  };

  it("reads back what was sealed, and nothing from a changed or foreign cookie", async () => {
    const sealed = await sealFlow(flow);
    expect(sealed).not.toContain(flow.actorId);
    await expect(openFlow(sealed)).resolves.toEqual(flow);
    const parts = sealed.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    await expect(openFlow(parts.join("."))).resolves.toBeNull();
    await expect(openFlow("not-a-cookie")).resolves.toBeNull();
    await expect(openFlow(undefined)).resolves.toBeNull();
  });
});

// The route helper answers a person's request in their language and a machine's in English:
// the same coded body, only the sentence differs.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";

const request = vi.hoisted(() => ({
  user: null as null | { language: string | null },
  acceptLanguage: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({ currentUser: () => Promise.resolve(request.user) }));
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => undefined }),
  headers: () =>
    Promise.resolve(new Headers(request.acceptLanguage ? { "accept-language": request.acceptLanguage } : {})),
}));

const { route } = await import("./route");

const receiptTooEarly = () =>
  Promise.reject(new AppError("conflict:job", { message: msg("Errors.receiptBeforeHandOver") }));

describe("route", () => {
  beforeEach(() => {
    request.user = null;
    request.acceptLanguage = null;
  });

  it("answers a 4xx in the user's language", async () => {
    request.user = { language: "de" };
    const response = await route("test", receiptTooEarly)();
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      code: "conflict:job",
      message: "Eine Quittung gibt es erst, wenn die Aushändigung erfasst ist.",
    });
  });

  it("answers the default sentence of a code in the browser's language when nobody is signed in", async () => {
    request.acceptLanguage = "de-DE,de;q=0.9,en;q=0.5";
    const response = await route("test", () => Promise.reject(new AppError("unauthorized:route")))();
    expect(await response.json()).toEqual({
      code: "unauthorized:route",
      message: "Melden Sie sich zuerst an: Diese Anfrage braucht eine gültige Sitzung.",
    });
  });

  it("keeps English for machines, whatever they send", async () => {
    request.acceptLanguage = "de";
    const response = await route("test", receiptTooEarly, { audience: "machine" })();
    expect(await response.json()).toEqual({
      code: "conflict:job",
      message: "A receipt exists only once the hand-over is recorded.",
    });
  });

  it("translates a crash's sentence too, without its details", async () => {
    request.user = { language: "de" };
    const response = await route("test", () => Promise.reject(new Error("secret_table")))();
    expect(response.status).toBe(500);
    const body = JSON.stringify(await response.json());
    expect(body).toContain("Bei uns ist etwas schiefgegangen");
    expect(body).not.toContain("secret_table");
  });
});

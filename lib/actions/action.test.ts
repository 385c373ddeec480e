// The action wrapper at run time, with the session and request headers replaced: both call
// forms reach the handler with the parsed input, and every failure comes back in the one
// result shape (the authorisation-matrix e2e reads `code` from it).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { msg, v } from "@/lib/i18n/message";
import type { CurrentUser } from "@/lib/auth/session";

const session = vi.hoisted(() => ({ user: null as null | CurrentUser }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireRole: (roles: readonly string[]) => {
      if (!session.user) return Promise.reject(new AppError("unauthorized:auth"));
      if (!roles.includes(session.user.role)) return Promise.reject(new AppError("forbidden:action"));
      return Promise.resolve(session.user);
    },
    recordActivity: () => Promise.resolve(),
    assertBranch: (user: CurrentUser, branchId: string | null) => {
      if (user.branchId !== branchId) throw new AppError("forbidden:branch");
    },
  };
});
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "203.0.113.9", userAgent: "test" }) }));
// The request's cookie and Accept-Language, for callers the session does not name.
const request = vi.hoisted(() => ({ cookie: undefined as string | undefined, acceptLanguage: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (name === "bii_lang" && request.cookie ? { value: request.cookie } : undefined),
    }),
  headers: () =>
    Promise.resolve(new Headers(request.acceptLanguage ? { "accept-language": request.acceptLanguage } : {})),
}));

const { createAction } = await import("./action");

const BRANCH = "3f1c7a52-8a2b-4c3d-9e4f-5a6b7c8d9e0f";
const teller: CurrentUser = {
  id: "8d1c7a52-8a2b-4c3d-9e4f-5a6b7c8d9e01",
  name: "Tess Teller",
  email: "tess@bank.example",
  language: null,
  role: "teller",
  branchId: BRANCH,
  active: true,
  mustChangePassword: false,
  sessionVersion: 1,
  training: false,
};

const schema = z.object({ jobId: z.uuid("Choose a card request."), count: z.coerce.number().int().default(1) });
const handler = vi.fn(
  (
    input: z.output<typeof schema>,
    ctx: { user: CurrentUser; ip: string; assertBranch: (b: string | null) => void },
  ) => {
    ctx.assertBranch(BRANCH);
    return Promise.resolve({ jobId: input.jobId, count: input.count, by: ctx.user.id, ip: ctx.ip });
  },
);
const action = createAction({ name: "test", roles: ["teller"], input: schema, handler });

describe("createAction", () => {
  beforeEach(() => {
    session.user = teller;
    request.cookie = undefined;
    request.acceptLanguage = null;
    handler.mockClear();
  });

  it("takes the object form and hands the handler the parsed input and the caller", async () => {
    expect(await action({ jobId: BRANCH, count: "3" })).toEqual({
      ok: true,
      data: { jobId: BRANCH, count: 3, by: teller.id, ip: "203.0.113.9" },
    });
  });

  it("takes the useActionState form and reads the FormData, without Next.js's own fields", async () => {
    const form = new FormData();
    form.set("jobId", BRANCH);
    form.set("$ACTION_ID_abc", "");
    expect(await action(null, form)).toEqual({
      ok: true,
      data: { jobId: BRANCH, count: 1, by: teller.id, ip: "203.0.113.9" },
    });
    expect(handler.mock.calls[0]?.[0]).toEqual({ jobId: BRANCH, count: 1 });
  });

  it("answers invalid input with invalid:action and field errors, and never runs the handler", async () => {
    const result = await action({ jobId: "not-a-uuid" });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid:action",
      fieldErrors: { jobId: ["Choose a card request."] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("checks session and role before the input, so a refused caller learns nothing about the fields", async () => {
    session.user = null;
    expect(await action({ jobId: "not-a-uuid" })).toEqual({
      ok: false,
      code: "unauthorized:auth",
      message: expect.any(String),
    });
    session.user = { ...teller, role: "admin" };
    expect(await action({ jobId: "not-a-uuid" })).toEqual({
      ok: false,
      code: "forbidden:action",
      message: expect.any(String),
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes a handler's AppError through and hides any other error's message", async () => {
    session.user = { ...teller, branchId: "00000000-0000-4000-8000-000000000000" };
    expect(await action({ jobId: BRANCH })).toMatchObject({ ok: false, code: "forbidden:branch" });
    session.user = teller;
    handler.mockRejectedValueOnce(new Error("relation secret_table does not exist"));
    const crashed = await action({ jobId: BRANCH });
    expect(crashed).toMatchObject({ ok: false, code: "internal:action" });
    expect(JSON.stringify(crashed)).not.toContain("secret_table");
  });

  it("redirects after a success only, outside the error handling", async () => {
    const redirecting = createAction({
      name: "test",
      roles: ["teller"],
      input: schema,
      handler,
      redirectTo: (data) => `/teller/jobs/${data.jobId}`,
    });
    const thrown = await redirecting({ jobId: BRANCH }).catch((error: unknown) => error);
    // Next.js's redirect() throws an error whose digest carries the target.
    expect(thrown).toMatchObject({
      digest: expect.stringMatching(new RegExp(`^NEXT_REDIRECT;.*;/teller/jobs/${BRANCH};`)),
    });
    handler.mockRejectedValueOnce(new AppError("conflict:job"));
    expect(await redirecting({ jobId: BRANCH })).toMatchObject({ ok: false, code: "conflict:job" });
  });

  describe("in the user's language", () => {
    const keyed = z.object({ jobId: z.uuid(v("Validation.chooseRequest")), label: z.string().max(3) });
    const refusing = createAction({
      name: "test",
      roles: ["teller"],
      input: keyed,
      handler: () =>
        Promise.reject(
          new AppError("conflict:station", { message: msg("Errors.stationVerified", { station: "Drucker 1" }) }),
        ),
    });
    const german: CurrentUser = { ...teller, language: "de" };

    it("gives a German user German field errors: the schema's own and zod's defaults, with their limits", async () => {
      session.user = german;
      expect(await refusing({ jobId: "not-a-uuid", label: "abcd" })).toEqual({
        ok: false,
        code: "invalid:action",
        message: "Einige Felder brauchen Ihre Aufmerksamkeit.",
        fieldErrors: { jobId: ["Wählen Sie einen Kartenantrag."], label: ["Geben Sie höchstens 3 Zeichen ein."] },
      });
      session.user = teller;
      expect(await refusing({ jobId: "not-a-uuid", label: "abcd" })).toEqual({
        ok: false,
        code: "invalid:action",
        message: "Some fields need attention.",
        fieldErrors: { jobId: ["Choose a card request."], label: ["Type at most 3 characters."] },
      });
    });

    it("gives a handler's AppError in German with its values, and keeps English in error.message", async () => {
      session.user = german;
      expect(await refusing({ jobId: BRANCH, label: "a" })).toEqual({
        ok: false,
        code: "conflict:station",
        message: "Drucker 1 ist bereits geprüft.",
      });
      expect(
        new AppError("conflict:station", { message: msg("Errors.stationVerified", { station: "Drucker 1" }) }).message,
      ).toBe("Drucker 1 is verified already.");
    });

    it("answers a caller without a session in the bii_lang cookie's language, else Accept-Language's", async () => {
      session.user = null;
      request.cookie = "de";
      request.acceptLanguage = "en-GB,en;q=0.9";
      expect(await refusing({ jobId: BRANCH, label: "a" })).toMatchObject({
        code: "unauthorized:auth",
        message: "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.",
      });
      request.cookie = undefined;
      request.acceptLanguage = "de-DE,de;q=0.9";
      expect(await refusing({ jobId: BRANCH, label: "a" })).toMatchObject({
        message: expect.stringMatching(/^Ihre Sitzung/),
      });
      // The user's own choice wins over the browser's.
      session.user = { ...teller, language: "en" };
      expect(await refusing({ jobId: BRANCH, label: "a" })).toMatchObject({
        message: "Drucker 1 is verified already.",
      });
    });
  });
});

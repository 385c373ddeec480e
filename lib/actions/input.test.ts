import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { actionInput, parseActionInput } from "./input";

describe("form input", () => {
  it("treats a field named __proto__ as a field (found by the fuzz test: a File there broke the next field)", () => {
    const form = new FormData();
    form.append("__proto__", new File([new Uint8Array([1])], "f.bin"));
    form.append("name", "Harbour");
    const raw = actionInput([null, form]) as Record<string, unknown>;
    expect(raw.name).toBe("Harbour");
    expect(Object.getPrototypeOf(raw)).toBeNull();
    try {
      parseActionInput(z.object({ name: z.string().min(10) }), raw);
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("invalid:action");
    }
  });
});

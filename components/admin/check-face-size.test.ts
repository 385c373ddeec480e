import { describe, expect, it, vi } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, CARD_FACE_MAX_BYTES } from "@/lib/card-face-size";
import { checkFaceSizeFirst } from "./check-face-size";

const form = (faceBytes: number) => {
  const data = new FormData();
  data.set("name", "Classic Debit");
  data.set("faceImage", new File([new Uint8Array(faceBytes)], "face.png", { type: "image/png" }));
  return data;
};

describe("the product form's card face check in the browser", () => {
  it("answers an image over the limit with a field error and never calls the server", async () => {
    const server = vi.fn(() => Promise.resolve({ ok: true as const, data: null }));
    const result = await checkFaceSizeFirst(server)(null, form(CARD_FACE_MAX_BYTES + 1));
    expect(server).not.toHaveBeenCalled();
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { faceImage: ["The image is 513 KB; upload one of at most 512 KB."] },
    });
  });

  it("sends an image of the largest allowed size, and a form without one", async () => {
    const server = vi.fn(() => Promise.resolve({ ok: true as const, data: null }));
    await checkFaceSizeFirst(server)(null, form(CARD_FACE_MAX_BYTES));
    await checkFaceSizeFirst(server)(null, new FormData());
    expect(server).toHaveBeenCalledTimes(2);
  });

  it("leaves room in the server action's body limit for the largest image and the other fields", async () => {
    const data = form(CARD_FACE_MAX_BYTES);
    for (let i = 0; i < 30; i++) data.set(`field${i}`, "x".repeat(256));
    const body = await new Request("http://localhost/", { method: "POST", body: data }).arrayBuffer();
    expect(body.byteLength).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });
});

import { describe, expect, it } from "vitest";
import { render } from "@/lib/i18n/message";
import { CARD_FACE_MAX_BYTES, cardFaceUrl, checkCardFace, sniffImageType } from "./card-face";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("card face uploads", () => {
  it("recognises PNG, JPEG and WebP by their first bytes", () => {
    expect(sniffImageType(png)).toBe("image/png");
    expect(sniffImageType(jpeg)).toBe("image/jpeg");
    expect(sniffImageType(webp)).toBe("image/webp");
  });

  it("refuses SVG and anything else whatever the file claims to be", async () => {
    expect(sniffImageType(svg)).toBeNull();
    const disguised = new File([svg], "face.png", { type: "image/png" });
    const result = await checkCardFace(disguised);
    expect(!result.ok && render(result.message, "en")).toMatch(/PNG, JPEG or WebP/);
  });

  it("refuses images over the size limit with the sizes in the sentence", async () => {
    const big = new Blob([png, new Uint8Array(CARD_FACE_MAX_BYTES)]);
    const result = await checkCardFace(big);
    expect(!result.ok && render(result.message, "en")).toMatch(/512 KB/);
    expect(!result.ok && render(result.message, "de")).toMatch(/höchstens 512 KB/);
  });

  it("keeps the bytes, type, size and hash of an accepted image", async () => {
    const result = await checkCardFace(new Blob([png]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.image).toMatchObject({ contentType: "image/png", byteSize: png.length });
    expect(result.image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cardFaceUrl("p1", result.image.sha256)).toBe(`/api/card-faces/p1?v=${result.image.sha256.slice(0, 12)}`);
  });
});

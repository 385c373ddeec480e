import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { compactDecrypt, decodeProtectedHeader, importPKCS8 } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { DevPki } from "@/sim/pki";
import { encryptCardData } from "./jwe";
import { tempPki } from "@/test-support/d1-simulator";

let pki: DevPki;
let dir: string;
let key: { publicKey: string; kid: string };

beforeAll(async () => {
  ({ pki, dir } = await tempPki());
  key = { publicKey: readFileSync(pki.simEncryption.publicKeyPath, "utf8"), kid: pki.simEncryption.kid };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const card = {
  pan: "4111111111111111",
  exp: "2906",
  name: "JANE DOE",
  secondName: "ACME LTD",
  panSequenceNumber: "01",
};

async function decrypt(jwe: string): Promise<unknown> {
  const privateKey = await importPKCS8(readFileSync(pki.simEncryption.privateKeyPath, "utf8"), "ECDH-ES");
  const { plaintext } = await compactDecrypt(jwe, privateKey);
  return JSON.parse(new TextDecoder().decode(plaintext));
}

describe("encryptCardData", () => {
  it("produces a compact JWE with ECDH-ES, A256GCM and D1's kid that D1's private key opens", async () => {
    const jwe = await encryptCardData(card, key);
    expect(jwe.split(".")).toHaveLength(5);
    expect(decodeProtectedHeader(jwe)).toMatchObject({ alg: "ECDH-ES", enc: "A256GCM", kid: pki.simEncryption.kid });
    expect(await decrypt(jwe)).toEqual(card);
    expect(jwe).not.toContain("4111111111111111");
  });

  it("uses a fresh ephemeral key every time, so two encryptions of one card differ", async () => {
    const a = await encryptCardData(card, key);
    const b = await encryptCardData(card, key);
    expect(a).not.toBe(b);
    expect(decodeProtectedHeader(a).epk).not.toEqual(decodeProtectedHeader(b).epk);
    expect(await decrypt(b)).toEqual(await decrypt(a));
  });

  it("drops undefined optional fields from the plaintext", async () => {
    const plain = await decrypt(
      await encryptCardData({ pan: card.pan, exp: card.exp, name: card.name, secondName: undefined }, key),
    );
    expect(plain).toEqual({ pan: card.pan, exp: card.exp, name: card.name });
  });

  it("refuses incomplete card data, naming the fields but never their values", async () => {
    const error = await encryptCardData({ pan: "41111", exp: "2913", name: " " }, key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request:d1");
    expect((error as AppError).detail).toEqual({ invalidCardFields: ["pan", "exp", "name"] });
    expect(JSON.stringify(error)).not.toContain("41111");
  });

  it("reports an unusable key as a D1 encryption problem", async () => {
    const error = await encryptCardData(card, { publicKey: "not a key", kid: "x" }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("internal:d1");
  });
});

// Opens `encryptedData` (JWE compact, ECDH-ES + A256GCM, key chosen by `kid` — D1 §6) and
// checks the card fields (§7.4). Error codes are D1's (§9). Card data must never be logged:
// errors name the field, never its value.
import { compactDecrypt, decodeProtectedHeader, importPKCS8, type CryptoKey } from "jose";
import { HttpError, fieldFormat, fieldValue, isRecord } from "./http-util";
import type { CardData } from "./types";

export interface DecryptionKey {
  kid: string;
  privateKeyPem: string;
}

const JWE_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Older D1 APIs cap encryptedData at 8192 characters (§7.4 [I]). */
export const MAX_ENCRYPTED_DATA_CHARS = 8192;
/** Embossing character set (simulator decision): upper-case letters, digits, space, . , ' / & - */
const EMBOSS = /^[A-Z0-9][A-Z0-9 .,'/&-]{0,25}$/;
const TRACK1_NAME = /^[A-Z0-9 ./-]{2,26}$/;

const cryptoError = (why: string) => new HttpError(400, "CRYPTO_ERROR", `encryptedData could not be decrypted: ${why}`);

export class CardDecryptor {
  private readonly keys = new Map<string, Promise<CryptoKey>>();

  constructor(keys: DecryptionKey[]) {
    for (const k of keys) this.keys.set(k.kid, importPKCS8(k.privateKeyPem, "ECDH-ES"));
  }

  async decrypt(encryptedData: string): Promise<Record<string, unknown>> {
    if (!JWE_COMPACT.test(encryptedData) || encryptedData.length > MAX_ENCRYPTED_DATA_CHARS) {
      throw fieldFormat("encryptedData");
    }
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(encryptedData);
    } catch {
      throw cryptoError("protected header is not readable");
    }
    if (header.alg !== "ECDH-ES") throw cryptoError("alg must be ECDH-ES");
    if (header.enc !== "A256GCM") throw cryptoError("enc must be A256GCM");
    const key = typeof header.kid === "string" ? this.keys.get(header.kid) : undefined;
    if (!key) throw cryptoError("unknown kid");
    let plaintext: Uint8Array;
    try {
      ({ plaintext } = await compactDecrypt(encryptedData, await key, {
        keyManagementAlgorithms: ["ECDH-ES"],
        contentEncryptionAlgorithms: ["A256GCM"],
      }));
    } catch {
      throw cryptoError("decryption failed");
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plaintext));
    } catch {
      throw new HttpError(400, "PARSING_ERROR", "encryptedData");
    }
    if (!isRecord(parsed)) throw new HttpError(400, "PARSING_ERROR", "encryptedData");
    return parsed;
  }
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** `exp` is YYMM (physical-issuance guides, §7.4); the card is valid to the end of that month. */
export function expiryInPast(exp: string, now = new Date()): boolean {
  const year = 2000 + Number(exp.slice(0, 2));
  const month = Number(exp.slice(2, 4));
  return year * 12 + month < now.getUTCFullYear() * 12 + (now.getUTCMonth() + 1);
}

function optional(data: Record<string, unknown>, field: string, pattern: RegExp): void {
  const value = data[field];
  if (value === undefined) return;
  if (typeof value !== "string" || !pattern.test(value)) throw fieldFormat(field);
}

/** Validates decrypted card data; throws FIELD_INVALID_FORMAT / FIELD_INVALID_VALUE naming the field. */
export function validateCardData(data: Record<string, unknown>, now = new Date()): CardData {
  const { pan, exp, name } = data;
  if (typeof pan !== "string" || !/^\d{13,19}$/.test(pan)) throw fieldFormat("pan");
  if (!luhnValid(pan)) throw fieldValue("pan");
  if (typeof exp !== "string" || !/^\d{2}(0[1-9]|1[0-2])$/.test(exp)) throw fieldFormat("exp");
  if (expiryInPast(exp, now)) throw fieldValue("exp");
  // Our instant products all print the holder's name, so the simulator requires it (decision).
  if (typeof name !== "string" || !EMBOSS.test(name) || name.endsWith(" ")) throw fieldFormat("name");
  optional(data, "secondName", EMBOSS);
  optional(data, "encodedName", TRACK1_NAME);
  optional(data, "cvv1", /^\d{3}$/);
  optional(data, "pvv", /^\d{4}$/);
  optional(data, "panSequenceNumber", /^\d{2,3}$/);
  optional(data, "effectiveDate", /^\d{2}(0[1-9]|1[0-2])$/);
  optional(data, "paymentAccountReference", /^[A-Za-z0-9]{29}$/);
  return { ...data, pan, exp, name };
}

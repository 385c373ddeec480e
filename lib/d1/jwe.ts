// `encryptedData` for D1 (d1-api.md §6): JWE compact, ECDH-ES + A256GCM on P-256, encrypted to
// D1's public key with D1's kid in the protected header; the plaintext is the card data as JSON.
import "server-only";
import { CompactEncrypt, importSPKI, type CryptoKey } from "jose";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import type { D1CardData } from "./types";

export interface D1EncryptionKey {
  /** D1's P-256 public key, SPKI PEM. */
  publicKey: string;
  kid: string;
}

// Importing a key is not free and the key never changes while the process runs.
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(pem: string): Promise<CryptoKey> {
  let key = keys.get(pem);
  if (!key) {
    key = importSPKI(pem, "ECDH-ES");
    // A bad key must not stay cached as a rejected promise.
    key.catch(() => keys.delete(pem));
    keys.set(pem, key);
  }
  return key;
}

/** Catches card data the card system got wrong before it leaves the bank. Names fields, never values. */
function checkCardData(data: D1CardData): void {
  const bad: string[] = [];
  if (typeof data.pan !== "string" || !/^\d{12,19}$/.test(data.pan)) bad.push("pan");
  if (typeof data.exp !== "string" || !/^\d{2}(0[1-9]|1[0-2])$/.test(data.exp)) bad.push("exp");
  if (typeof data.name !== "string" || data.name.trim() === "") bad.push("name");
  if (bad.length > 0) {
    throw new AppError("bad_request:d1", {
      message: msg("Errors.cardDataIncomplete"),
      detail: { invalidCardFields: bad },
    });
  }
}

/** Only D1's fields, in a stable order, without undefined values. */
function plaintext(data: D1CardData): string {
  const { pan, exp, name, ...optional } = data;
  const rest = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return JSON.stringify({ pan, exp, name, ...rest });
}

/** Encrypts the card data for D1. Every call uses a fresh ephemeral key, so ciphertexts differ. */
export async function encryptCardData(data: D1CardData, key: D1EncryptionKey): Promise<string> {
  checkCardData(data);
  let publicKey: CryptoKey;
  try {
    publicKey = await importKey(key.publicKey);
  } catch (cause) {
    throw new AppError("internal:d1", {
      message: msg("Errors.d1KeyUnusable"),
      detail: { reason: "encryption key import failed", kid: key.kid },
      cause,
    });
  }
  return new CompactEncrypt(new TextEncoder().encode(plaintext(data)))
    .setProtectedHeader({ alg: "ECDH-ES", enc: "A256GCM", kid: key.kid })
    .encrypt(publicKey);
}

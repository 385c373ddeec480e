import "server-only";
import { randomInt } from "node:crypto";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";

// No look-alike characters (0/O, 1/l/I): the admin reads it out or writes it down once.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password for a new or reset account, grouped in fours for reading aloud. */
export function temporaryPassword(): string {
  const length = Math.max(16, PASSWORD_RULES.minLength);
  const chars = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return chars.match(/.{1,4}/g)!.join("-");
}

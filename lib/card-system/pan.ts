// PAN helpers. `last4` is the only part of a PAN that may be stored, shown or logged.

function digitsOnly(value: string): boolean {
  return /^\d+$/.test(value);
}

/** The Luhn (mod 10) check digit to append to `partial` (all digits, without the check digit). */
export function luhnCheckDigit(partial: string): number {
  if (!digitsOnly(partial)) throw new Error("luhnCheckDigit expects digits only");
  let sum = 0;
  // Walking from the right, the digit next to the (future) check digit is doubled first.
  for (let i = 0; i < partial.length; i++) {
    let d = partial.charCodeAt(partial.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `pan` is all digits (at least two) and its last digit is the Luhn check digit. */
export function isLuhnValid(pan: string): boolean {
  if (pan.length < 2 || !digitsOnly(pan)) return false;
  return luhnCheckDigit(pan.slice(0, -1)) === Number(pan.slice(-1));
}

/** The last four digits, the only part of a PAN the job keeps. */
export function last4(pan: string): string {
  const digits = pan.replace(/\D/g, "");
  if (digits.length < 4) throw new Error("last4 expects at least four digits");
  return digits.slice(-4);
}

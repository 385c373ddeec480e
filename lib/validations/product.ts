// Card product input, following D1's field rules (../shared/d1-api.md §4, §7.3, §7.5). Forms send
// flat fields; the schema builds the nested `services`, `paymentApplication` and `embossRules`.
import { z } from "zod";
import { charactersToClass } from "@/lib/emboss-characters";
import { CUSTOMER_TYPES, TRANSLITERATIONS } from "@/lib/vocabulary";
import { formBoolean } from "./station";
import { text } from "./text";

const optionalText = (pattern: RegExp, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    text().regex(pattern, message).optional(),
  );

const serviceValue = optionalText(
  /^[A-Z0-9_]{1,32}$/,
  "Use the value configured at D1 onboarding: capital letters, digits and underscores, e.g. NO_SHIPMENT.",
);
const keyIndex = optionalText(
  /^[A-Za-z0-9_-]{1,16}$/,
  "Use the key index from D1 onboarding: up to 16 letters or digits, e.g. 1.",
);
const wholeNumber = (message: string) => z.coerce.number(message).int(message);

/** The body of a regular-expression character class that cannot escape its brackets. */
export function isSafeCharacterClass(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") i++;
    else if (c === "[" || c === "]") return false;
  }
  try {
    new RegExp(`^[${body}]*$`, "u");
    return true;
  } catch {
    return false;
  }
}

/** An age limit; an empty field is no limit. */
const ageLimit = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  wholeNumber("Enter the age in whole years, or leave it empty for no limit.")
    .min(0, "Enter an age from 0 to 120.")
    .max(120, "Enter an age from 0 to 120.")
    .optional(),
);

/** The customer types the product is for; none ticked: every type. */
const customerTypes = z.preprocess(
  (v): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(z.enum(CUSTOMER_TYPES, "Choose customer types from the list.")).max(CUSTOMER_TYPES.length),
);

const branchIds = z.preprocess(
  (v): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(z.uuid("Choose branches from the list.")).max(500),
);

export const productFields = z
  .object({
    name: text("Enter the product name.")
      .min(2, "Enter the product name tellers will see, e.g. Classic Debit.")
      .max(80, "Keep the name under 80 characters."),
    d1CardProductId: z
      .string("Enter the D1 card product id.")
      .trim()
      .regex(
        /^[A-Za-z0-9_-]{1,48}$/,
        "Use the cardProductId from D1 onboarding: 1 to 48 letters, digits, hyphens or underscores.",
      ),
    bin: z
      .string("Enter the BIN.")
      .trim()
      .regex(/^[0-9]{6,11}$/, "Enter the BIN as 6 to 11 digits."),
    panLength: wholeNumber("Enter the PAN length as a whole number.")
      .min(13, "A PAN has 13 to 19 digits.")
      .max(19, "A PAN has 13 to 19 digits."),
    expiryMonths: wholeNumber("Enter the validity in whole months.")
      .min(1, "Cards are valid for 1 to 120 months.")
      .max(120, "Cards are valid for 1 to 120 months."),
    priority: serviceValue,
    delivery: serviceValue,
    cardCarrier: serviceValue,
    packaging: serviceValue,
    pinMailer: formBoolean,
    alphaCard: formBoolean,
    paConfig: z
      .string("Enter the payment application configuration.")
      .trim()
      .regex(
        /^[A-Za-z0-9_-]{1,64}$/,
        "Enter the payment application configuration from D1 onboarding, e.g. VISA_DEBIT_A.",
      ),
    odaKeyIndex: keyIndex,
    derivationKeyIndex: keyIndex,
    cvKeyIndex: keyIndex,
    pvKeyIndex: keyIndex,
    embossMaxLength: wholeNumber("Enter the longest printable name as a whole number.")
      .min(2, "Allow at least 2 characters.")
      .max(26, "Stations print at most 26 characters on the name line."),
    embossUppercase: formBoolean,
    // How letters the card cannot print are written; new products follow passports (ICAO 9303).
    embossTransliteration: z.enum(TRANSLITERATIONS, "Choose how names with accents are written.").default("icao"),
    // Typed in plain words (ranges A-Z, a-z, 0-9, other characters as themselves), stored as a class.
    embossAllowed: text("Enter the allowed characters.", { trim: false })
      .min(1, "Enter the allowed characters, e.g. A-Z .'-")
      .max(100, "Keep the allowed characters under 100 characters.")
      .transform(charactersToClass)
      .refine(
        isSafeCharacterClass,
        "These characters cannot be checked; use ranges such as A-Z and 0-9 and single characters.",
      ),
    branchIds,
    // Activate the card through the card system when the teller records the hand-over; off:
    // the customer activates it. A form's unticked box arrives as nothing, so false.
    activateAtHandOver: formBoolean,
    // Who may have the product, and whether the counter asks for the account (debit cards).
    minAge: ageLimit,
    maxAge: ageLimit,
    customerTypes,
    needsAccount: formBoolean,
    // Maker-checker: every request for the product waits for a manager's approval.
    needsApproval: formBoolean,
    // The bank's test product (one active at most): a new station prints it to be verified;
    // tellers never see it.
    isTestProduct: formBoolean,
    // The blank card plastic it prints on (card stock); none: its cards are not counted.
    stockTypeId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Choose the card stock.").optional()),
  })
  .refine((v) => v.panLength > v.bin.length + 1, {
    path: ["panLength"],
    message: "The PAN must be longer than the BIN plus a check digit; increase the PAN length or shorten the BIN.",
  })
  .refine((v) => v.minAge === undefined || v.maxAge === undefined || v.minAge <= v.maxAge, {
    path: ["maxAge"],
    message: "The highest age must be at least the lowest age.",
  });

type Fields = z.output<typeof productFields>;

/** The row values a product input stands for. */
export function toProductValues(v: Fields) {
  const services = Object.fromEntries(
    Object.entries({
      priority: v.priority,
      delivery: v.delivery,
      cardCarrier: v.cardCarrier,
      packaging: v.packaging,
    }).filter(([, x]) => x !== undefined),
  );
  const paymentApplication = Object.fromEntries(
    Object.entries({
      config: v.paConfig,
      odaKeyIndex: v.odaKeyIndex,
      derivationKeyIndex: v.derivationKeyIndex,
      cvKeyIndex: v.cvKeyIndex,
      pvKeyIndex: v.pvKeyIndex,
    }).filter(([, x]) => x !== undefined),
  ) as { config: string };
  return {
    name: v.name,
    d1CardProductId: v.d1CardProductId,
    bin: v.bin,
    panLength: v.panLength,
    expiryMonths: v.expiryMonths,
    services: { ...services, ...(v.pinMailer ? { pinMailer: true } : {}), ...(v.alphaCard ? { alphaCard: true } : {}) },
    paymentApplication,
    embossRules: {
      maxLength: v.embossMaxLength,
      uppercase: v.embossUppercase,
      allowedCharacters: v.embossAllowed,
      transliteration: v.embossTransliteration,
    },
    activateAtHandOver: v.activateAtHandOver,
    stockTypeId: v.stockTypeId ?? null,
    ...counterRules(v),
  };
}

/** Eligibility and the debit account: no limit is stored as null, as is "every customer type". */
function counterRules(v: Fields) {
  return {
    minAge: v.minAge ?? null,
    maxAge: v.maxAge ?? null,
    customerTypes: v.customerTypes.length > 0 ? [...new Set(v.customerTypes)] : null,
    needsAccount: v.needsAccount,
    needsApproval: v.needsApproval,
    isTestProduct: v.isTestProduct,
  };
}

/** A file input left empty arrives as a nameless, empty File: no new image. */
const faceImage = z.preprocess(
  (v) => (v instanceof Blob && v.size === 0 ? undefined : v),
  z.instanceof(Blob, { message: "Choose a PNG, JPEG or WebP image." }).optional(),
);

export const createProductSchema = productFields.and(z.object({ faceImage }));
export const updateProductSchema = productFields.and(
  z.object({ productId: z.uuid("Choose a product."), faceImage, removeFaceImage: formBoolean }),
);
export const productIdSchema = z.object({ productId: z.uuid("Choose a product.") });

export type ProductInput = Fields;

export const setProductActiveSchema = z.object({ productId: z.uuid("Choose a product."), active: formBoolean });

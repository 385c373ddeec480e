// Card product input, following D1's field rules (../shared/d1-api.md §4, §7.3, §7.5). Forms send
// flat fields; the schema builds the nested `services`, `paymentApplication` and `embossRules`.
import { z } from "zod";
import { charactersToClass } from "@/lib/emboss-characters";
import { CUSTOMER_TYPES, TRANSLITERATIONS } from "@/lib/vocabulary";
import { formBoolean } from "./station";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

const optionalText = (pattern: RegExp, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    text().regex(pattern, message).optional(),
  );

const serviceValue = optionalText(/^[A-Z0-9_]{1,32}$/, v("Validation.product.shipment"));
const keyIndex = optionalText(/^[A-Za-z0-9_-]{1,16}$/, v("Validation.product.keyIndex"));
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
  wholeNumber(v("Validation.product.age"))
    .min(0, v("Validation.product.ageRange"))
    .max(120, v("Validation.product.ageRange"))
    .optional(),
);

/** The customer types the product is for; none ticked: every type. */
const customerTypes = z.preprocess(
  (v): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(z.enum(CUSTOMER_TYPES, v("Validation.product.customerTypes"))).max(CUSTOMER_TYPES.length),
);

const branchIds = z.preprocess(
  (v): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(z.uuid(v("Validation.product.branches"))).max(500),
);

export const productFields = z
  .object({
    name: text(v("Validation.product.name"))
      .min(2, v("Validation.product.nameExample"))
      .max(80, v("Validation.nameLong")),
    d1CardProductId: z
      .string(v("Validation.product.d1Id"))
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,48}$/, v("Validation.product.d1IdFormat")),
    bin: z
      .string(v("Validation.product.bin"))
      .trim()
      .regex(/^[0-9]{6,11}$/, v("Validation.product.binFormat")),
    panLength: wholeNumber(v("Validation.product.panLength"))
      .min(13, v("Validation.product.panRange"))
      .max(19, v("Validation.product.panRange")),
    expiryMonths: wholeNumber(v("Validation.product.validity"))
      .min(1, v("Validation.product.validityRange"))
      .max(120, v("Validation.product.validityRange")),
    priority: serviceValue,
    delivery: serviceValue,
    cardCarrier: serviceValue,
    packaging: serviceValue,
    pinMailer: formBoolean,
    alphaCard: formBoolean,
    paConfig: z
      .string(v("Validation.product.paymentApp"))
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, v("Validation.product.paymentAppFormat")),
    odaKeyIndex: keyIndex,
    derivationKeyIndex: keyIndex,
    cvKeyIndex: keyIndex,
    pvKeyIndex: keyIndex,
    embossMaxLength: wholeNumber(v("Validation.product.embossMax"))
      .min(2, v("Validation.product.embossMin"))
      .max(26, v("Validation.product.embossMaxRange")),
    embossUppercase: formBoolean,
    // How letters the card cannot print are written; new products follow passports (ICAO 9303).
    embossTransliteration: z.enum(TRANSLITERATIONS, v("Validation.product.transliteration")).default("icao"),
    // Typed in plain words (ranges A-Z, a-z, 0-9, other characters as themselves), stored as a class.
    embossAllowed: text(v("Validation.product.allowed"), { trim: false })
      .min(1, v("Validation.product.allowedExample"))
      .max(100, v("Validation.product.allowedLong"))
      .transform(charactersToClass)
      .refine(isSafeCharacterClass, v("Validation.product.allowedUncheckable")),
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
    stockTypeId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid(v("Validation.chooseStock")).optional()),
  })
  .refine((v) => v.panLength > v.bin.length + 1, {
    path: ["panLength"],
    message: v("Validation.product.panVsBin"),
  })
  .refine((v) => v.minAge === undefined || v.maxAge === undefined || v.minAge <= v.maxAge, {
    path: ["maxAge"],
    message: v("Validation.product.ageOrder"),
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
  z.instanceof(Blob, { message: v("Validation.product.image") }).optional(),
);

export const createProductSchema = productFields.and(z.object({ faceImage }));
export const updateProductSchema = productFields.and(
  z.object({ productId: z.uuid(v("Validation.chooseProduct")), faceImage, removeFaceImage: formBoolean }),
);
export const productIdSchema = z.object({ productId: z.uuid(v("Validation.chooseProduct")) });

export type ProductInput = Fields;

export const setProductActiveSchema = z.object({
  productId: z.uuid(v("Validation.chooseProduct")),
  active: formBoolean,
});

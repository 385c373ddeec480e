// Validates the E2 path and the `cardRequestInstant` body (D1 §4, §7). A missing or mistyped
// field is FIELD_INVALID_FORMAT, a well-formed but disallowed value is FIELD_INVALID_VALUE,
// `error` naming the field (§9). Constraints marked [U]/[I] in the reference are our choices.
import { fieldFormat, fieldValue, isRecord } from "./http-util";

export const CARD_ID = /^[A-Za-z0-9_-]{1,48}$/;
const PRODUCT_ID = /^[A-Za-z0-9_-]{1,48}$/;
/** issuerRequestId constraints are not published (§4 [U]); we use the operationId pattern. */
const ISSUER_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CONSUMER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** persoStation length/pattern not published (§4 [U]); printable, no spaces, 1–64. */
const PERSO_STATION = /^[A-Za-z0-9_.:-]{1,64}$/;
export const CORRELATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const ISSUANCE_VALUES = ["CREATION", "RENEWAL", "REPLACEMENT"] as const;
const CHANNELS = ["THALES", "INSTANT", "CENTRAL"];

export interface InstantOrderRequest {
  distributionChannel: "INSTANT";
  persoStation: string;
  cardProductId: string;
  issuerRequestId: string;
  consumerId?: string;
  encryptedData: string;
  services: Record<string, unknown> & { issuance: (typeof ISSUANCE_VALUES)[number] };
  paymentApplication: Record<string, unknown>;
  [field: string]: unknown;
}

/** issuerId must be exactly 10 characters (§4) and the one this simulator serves. */
export function validatePath(issuerId: string, cardId: string, servedIssuerId: string): void {
  if (issuerId.length !== 10) throw fieldFormat("issuerId");
  if (issuerId !== servedIssuerId) throw fieldValue("issuerId");
  if (!CARD_ID.test(cardId)) throw fieldFormat("cardId");
}

function str(body: Record<string, unknown>, field: string, pattern: RegExp, required = true): string | undefined {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string" || !pattern.test(value)) throw fieldFormat(field);
  return value;
}

function validateServices(value: unknown): InstantOrderRequest["services"] {
  if (!isRecord(value)) throw fieldFormat("services");
  const { issuance } = value;
  if (typeof issuance !== "string") throw fieldFormat("services.issuance");
  if (!(ISSUANCE_VALUES as readonly string[]).includes(issuance)) throw fieldValue("services.issuance");
  for (const f of ["priority", "delivery", "cardCarrier", "packaging"]) {
    if (value[f] !== undefined && typeof value[f] !== "string") throw fieldFormat(`services.${f}`);
  }
  for (const f of ["pinMailer", "alphaCard"]) {
    if (value[f] !== undefined && typeof value[f] !== "boolean") throw fieldFormat(`services.${f}`);
  }
  return { ...value, issuance: issuance as (typeof ISSUANCE_VALUES)[number] };
}

function validatePaymentApplication(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw fieldFormat("paymentApplication");
  // Field types are not published (§7.5 [U]): accept strings or integers for the known ones.
  for (const f of ["config", "odaKeyIndex", "derivationKeyIndex", "cvKeyIndex", "pvKeyIndex"]) {
    const v = value[f];
    if (v !== undefined && typeof v !== "string" && !Number.isInteger(v)) throw fieldFormat(`paymentApplication.${f}`);
  }
  return value;
}

export function validateInstantOrder(body: unknown): InstantOrderRequest {
  if (!isRecord(body)) throw fieldFormat("body");
  const channel = body.distributionChannel;
  if (typeof channel !== "string") throw fieldFormat("distributionChannel");
  // THALES and CENTRAL are real D1 channels, but this simulator only models INSTANT.
  if (channel !== "INSTANT" || !CHANNELS.includes(channel)) throw fieldValue("distributionChannel");
  const persoStation = str(body, "persoStation", PERSO_STATION)!;
  const cardProductId = str(body, "cardProductId", PRODUCT_ID)!;
  const issuerRequestId = str(body, "issuerRequestId", ISSUER_REQUEST_ID)!;
  const consumerId = str(body, "consumerId", CONSUMER_ID, false);
  const services = validateServices(body.services);
  const paymentApplication = validatePaymentApplication(body.paymentApplication);
  if (typeof body.encryptedData !== "string" || body.encryptedData === "") throw fieldFormat("encryptedData");
  for (const f of ["trackData", "cardDesign"]) {
    if (body[f] !== undefined && !isRecord(body[f])) throw fieldFormat(f);
  }
  return {
    ...body,
    distributionChannel: "INSTANT",
    persoStation,
    cardProductId,
    issuerRequestId,
    ...(consumerId ? { consumerId } : {}),
    encryptedData: body.encryptedData,
    services,
    paymentApplication,
  };
}

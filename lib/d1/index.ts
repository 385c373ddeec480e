// Public surface of the D1 client. Server-only: it holds the mTLS key and signs with our key.
export { cancelPathFor, type CancelAnswer, type CancelOutcome } from "./cancel";
export { createD1Client, d1, type D1Client, type D1ClientOptions } from "./client";
export { D1ConfigError, loadD1Config, type D1Config, type D1Settings, type RetryPolicy } from "./config";
export { createD1Dispatcher } from "./dispatcher";
export { isRetryableD1Error, retryAfterMs, type D1ErrorBody } from "./errors";
export { encryptCardData, type D1EncryptionKey } from "./jwe";
export { newCorrelationId, type InstantOrderInput, type InstantOrderResult } from "./orders";
export { latestProduceOperation, productionStatusSchema, type CardOperation, type ProductionStatus } from "./status";
export { createTokenClient, type TokenClient } from "./token";
export * from "./types";

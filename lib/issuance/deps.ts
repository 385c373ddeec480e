// What issuance needs from the outside world, passed in so the worker uses the real D1 client
// and card data source from settings, and tests use the same classes against the simulator.
import type { IssuanceReason, PaymentApplication, ProductServices } from "@/db/schema";

export type CardData = { pan: string; exp: string; name: string; [field: string]: string | undefined };

export type OrderRequest = {
  cardId: string;
  issuerRequestId: string;
  persoStation: string;
  cardProductId: string;
  services: ProductServices & { issuance: IssuanceReason };
  paymentApplication: PaymentApplication;
  cardData: CardData;
  correlationId?: string;
};

export type StatusOperation = {
  operationId: string;
  operation: string;
  status: string;
  cardId: string;
  startTime?: string;
  endTime?: string;
  details?: { status?: string; reason?: string };
  errorCode?: string;
  error?: string;
};

export type IssuanceDeps = {
  d1: {
    orderInstantCard(request: OrderRequest): Promise<{ operationId?: string; alreadyOrdered?: boolean }>;
    getProductionStatus(cardId: string): Promise<{ operations: StatusOperation[] } | null>;
  };
  cardData: {
    allocate(request: {
      jobId: string;
      cardId: string;
      product: { bin: string; panLength: number; expiryMonths: number };
      nameOnCard: string;
    }): Promise<CardData>;
  };
  isRetryable(error: unknown): boolean;
};

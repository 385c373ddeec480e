import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cardProducts, productBranches } from "@/db/schema";

/** Active products a branch offers, for the teller's choice. */
export function listOfferedProducts({ db, branchId }: { db: Executor; branchId: string }) {
  return db
    .select({
      id: cardProducts.id,
      name: cardProducts.name,
      d1CardProductId: cardProducts.d1CardProductId,
      cardFaceImage: cardProducts.cardFaceImage,
      embossRules: cardProducts.embossRules,
      expiryMonths: cardProducts.expiryMonths,
    })
    .from(cardProducts)
    .innerJoin(productBranches, eq(productBranches.productId, cardProducts.id))
    .where(and(eq(productBranches.branchId, branchId), eq(cardProducts.active, true)))
    .orderBy(asc(cardProducts.name));
}

export function listProducts({ db }: { db: Executor }) {
  return db.select().from(cardProducts).orderBy(asc(cardProducts.name));
}

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { branches, cardFaceImages, cardProducts, productBranches, type NewCardProduct } from "@/db/schema";

/** Active products a branch offers, for the teller's choice (never the test product). */
export function listOfferedProducts({ db, branchId }: { db: Executor; branchId: string }) {
  return db
    .select({
      id: cardProducts.id,
      name: cardProducts.name,
      d1CardProductId: cardProducts.d1CardProductId,
      cardFaceImage: cardProducts.cardFaceImage,
      embossRules: cardProducts.embossRules,
      expiryMonths: cardProducts.expiryMonths,
      // Asked at the counter: the account of a debit card, and who may have the product.
      needsAccount: cardProducts.needsAccount,
      minAge: cardProducts.minAge,
      maxAge: cardProducts.maxAge,
      customerTypes: cardProducts.customerTypes,
      // The review step says beforehand that a manager must approve the request.
      needsApproval: cardProducts.needsApproval,
      // Which blank cards it prints on: the station picker shows that stock's balance.
      stockTypeId: cardProducts.stockTypeId,
    })
    .from(cardProducts)
    .innerJoin(productBranches, eq(productBranches.productId, cardProducts.id))
    .where(
      and(eq(productBranches.branchId, branchId), eq(cardProducts.active, true), eq(cardProducts.isTestProduct, false)),
    )
    .orderBy(asc(cardProducts.name));
}

/** The bank's active test product (at most one, a unique index says), for a station's test card. */
export async function findActiveTestProduct({ db }: { db: Executor }) {
  const [row] = await db
    .select({ id: cardProducts.id, name: cardProducts.name })
    .from(cardProducts)
    .where(and(eq(cardProducts.isTestProduct, true), eq(cardProducts.active, true)))
    .limit(1);
  return row ?? null;
}

export function listProducts({ db }: { db: Executor }) {
  return db.select().from(cardProducts).orderBy(asc(cardProducts.name));
}

// Drizzle writes a column without its table in a one-table select, so `${cardProducts.id}` inside
// a subquery would bind to the subquery's own `id` (issuance_jobs.id): name the outer table.
const outerProductId = sql`${cardProducts}.${sql.identifier(cardProducts.id.name)}`;

/** Products with the branches that offer them and whether any card was issued, for admins. */
export async function listProductsForAdmin({ db }: { db: Executor }) {
  const rows = await db
    .select({
      product: cardProducts,
      branchIds: sql<
        string[]
      >`coalesce((select array_agg(pb.branch_id::text) from product_branches pb where pb.product_id = ${outerProductId}), '{}')`,
      hasJobs: sql<boolean>`exists (select 1 from issuance_jobs j where j.product_id = ${outerProductId})`,
    })
    .from(cardProducts)
    .orderBy(sql`${cardProducts.active} desc`, asc(cardProducts.name));
  return rows.map((r) => ({ ...r.product, branchIds: r.branchIds, hasJobs: r.hasJobs }));
}

export type AdminProduct = Awaited<ReturnType<typeof listProductsForAdmin>>[number];

export async function findProduct({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(cardProducts).where(eq(cardProducts.id, id)).limit(1);
  if (!row) return null;
  const branches = await db
    .select({ branchId: productBranches.branchId })
    .from(productBranches)
    .where(eq(productBranches.productId, id));
  return { ...row, branchIds: branches.map((b) => b.branchId).sort() };
}

export async function findProductForUpdate({ db, id }: { db: Executor; id: string }) {
  const [row] = await db.select().from(cardProducts).where(eq(cardProducts.id, id)).for("update").limit(1);
  if (!row) return null;
  const branches = await db
    .select({ branchId: productBranches.branchId })
    .from(productBranches)
    .where(eq(productBranches.productId, id));
  return { ...row, branchIds: branches.map((b) => b.branchId).sort() };
}

export async function d1ProductIdTaken({
  db,
  d1CardProductId,
  exceptId,
}: {
  db: Executor;
  d1CardProductId: string;
  exceptId?: string;
}) {
  const rows = await db
    .select({ id: cardProducts.id })
    .from(cardProducts)
    .where(
      and(
        eq(cardProducts.d1CardProductId, d1CardProductId),
        exceptId ? sql`${cardProducts.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

type ProductValues = Omit<NewCardProduct, "id" | "createdAt" | "updatedAt" | "active" | "cardFaceImage">;

export async function insertProduct({ db, values }: { db: Executor; values: ProductValues }) {
  const [row] = await db.insert(cardProducts).values(values).returning();
  if (!row) throw new Error("product insert returned nothing");
  return row;
}

export async function updateProduct({ db, id, values }: { db: Executor; id: string; values: Partial<NewCardProduct> }) {
  const [row] = await db
    .update(cardProducts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(cardProducts.id, id))
    .returning();
  return row ?? null;
}

/** Replaces the set of branches offering a product. */
export async function setProductBranches({
  db,
  productId,
  branchIds,
}: {
  db: Executor;
  productId: string;
  branchIds: string[];
}) {
  await db.delete(productBranches).where(eq(productBranches.productId, productId));
  if (branchIds.length) await db.insert(productBranches).values(branchIds.map((branchId) => ({ productId, branchId })));
}

/** Any job at all, whatever its state: a product that ever issued a card is kept for history. */
export async function productHasJobs({ db, productId }: { db: Executor; productId: string }) {
  const { rows } = await db.execute<{ used: boolean }>(
    sql`select exists (select 1 from issuance_jobs where product_id = ${productId}) as used`,
  );
  return rows[0]?.used ?? false;
}

export async function deleteProduct({ db, id }: { db: Executor; id: string }) {
  await db.delete(cardProducts).where(eq(cardProducts.id, id));
}

export async function existingBranchIds({ db, ids }: { db: Executor; ids: string[] }) {
  if (!ids.length) return [];
  const rows = await db.select({ id: branches.id }).from(branches).where(inArray(branches.id, ids));
  return rows.map((r) => r.id);
}

export async function upsertCardFace({
  db,
  productId,
  image,
}: {
  db: Executor;
  productId: string;
  image: {
    contentType: (typeof cardFaceImages.$inferInsert)["contentType"];
    data: Buffer;
    byteSize: number;
    sha256: string;
  };
}) {
  await db
    .insert(cardFaceImages)
    .values({ productId, ...image })
    .onConflictDoUpdate({ target: cardFaceImages.productId, set: { ...image, updatedAt: sql`now()` } });
}

export async function deleteCardFace({ db, productId }: { db: Executor; productId: string }) {
  await db.delete(cardFaceImages).where(eq(cardFaceImages.productId, productId));
}

export async function findCardFace({ db, productId }: { db: Executor; productId: string }) {
  const [row] = await db.select().from(cardFaceImages).where(eq(cardFaceImages.productId, productId)).limit(1);
  return row ?? null;
}

// What must hold before a teller's request becomes a job: the customer exists, the product is
// active and offered by the teller's branch, the station belongs to the branch, is enabled and
// holds blank cards of the product's stock (a training card uses none), and the name can be printed. Each failure is a field error with a sentence to act on.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { findStation } from "@/db/queries/stations";
import { placeBalance } from "@/db/queries/stock";
import { cardProducts, customers, productBranches } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assembled, msg, wordsIn } from "@/lib/i18n/message";
import type { Locale } from "@/lib/vocabulary";
import { assertStationBalanced } from "@/lib/stock/count-block";
import { embossProblemList, embossProblems } from "./emboss";

export async function checkCounterRequest(input: {
  branchId: string;
  customerId?: string;
  productId: string;
  stationId: string;
  nameOnCard: string;
  /** The requester is in training: no blank card is used, so stock and counts do not hold it (docs/training.md). */
  training: boolean;
}) {
  const [product] = await db
    .select({
      id: cardProducts.id,
      active: cardProducts.active,
      isTestProduct: cardProducts.isTestProduct,
      embossRules: cardProducts.embossRules,
      stockTypeId: cardProducts.stockTypeId,
    })
    .from(cardProducts)
    .innerJoin(
      productBranches,
      and(eq(productBranches.productId, cardProducts.id), eq(productBranches.branchId, input.branchId)),
    )
    .where(eq(cardProducts.id, input.productId))
    .limit(1);
  // The bank's test product proves a new station (lib/actions/manager/print-test-card.ts); it is
  // never a customer's card, wherever an admin offered it.
  if (!product?.active || product.isTestProduct) {
    throw new AppError("invalid:product", {
      fieldErrors: { productId: [msg("Validation.productNotOffered")] },
    });
  }
  const station = await findStation({ db, id: input.stationId });
  if (!station || station.branchId !== input.branchId) {
    throw new AppError("invalid:station", { fieldErrors: { stationId: [msg("Validation.ownStation")] } });
  }
  if (!station.enabled) {
    throw new AppError("invalid:station", {
      fieldErrors: { stationId: [msg("Validation.stationDisabled", { station: station.label })] },
    });
  }
  // At zero blank cards of the product's stock the station is not offered (the worker holds too).
  // A training card uses none, so neither this nor an unexplained count holds it (as in submit.ts).
  if (
    !input.training &&
    product.stockTypeId &&
    (await placeBalance({
      db,
      branchId: input.branchId,
      stockTypeId: product.stockTypeId,
      place: "station",
      stationId: station.id,
    })) <= 0
  ) {
    throw new AppError("invalid:station", {
      fieldErrors: {
        stationId: [msg("Validation.stationEmpty", { station: station.label })],
      },
    });
  }
  if (!input.training) await assertStationBalanced(station);
  if (input.customerId) {
    const [customer] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          eq(customers.id, input.customerId),
          // CUSTOMER_SCOPE=branch: a customer the teller cannot look up cannot get a card here either.
          env.CUSTOMER_SCOPE === "branch" ? eq(customers.homeBranchId, input.branchId) : undefined,
        ),
      )
      .limit(1);
    if (!customer) throw new AppError("not_found:customer");
  }
  const problems = embossProblemList(input.nameOnCard, product.embossRules);
  if (problems.length > 0) {
    // The Emboss sentences the teller's form shows, in the teller's language.
    const sentence = (i: number) => (locale: Locale) =>
      embossProblems(input.nameOnCard, product.embossRules, wordsIn(locale, "Emboss"))[i]!;
    throw new AppError("invalid:job", { fieldErrors: { nameOnCard: problems.map((_, i) => assembled(sentence(i))) } });
  }
  return { station };
}

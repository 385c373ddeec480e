import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { customerAccessLog, customers } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { freshDatabase } from "@/db/testing/fresh";
import { issueText } from "@/lib/i18n/zod";
import { searchCustomersSchema } from "@/lib/validations/issuance";
import { findCustomer, findCustomerName, searchCustomers as searchAll, type CustomerViewer } from "./customers";

// A teller of no branch in particular, seeing the whole bank (CUSTOMER_SCOPE=bank).
const viewer: CustomerViewer = { userId: randomUUID(), branchId: null, homeBranchId: null, training: false };
/** The hits only; "more" has its own test. */
const search = async (args: Parameters<typeof searchAll>[0]) => (await searchAll(args)).hits;
const searchCustomers = (args: { db: Database; query: string }) => search({ ...args, viewer });

describe("customer lookup", () => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase());
    await seedDemo(db, 300);
  });
  afterAll(() => dispose());

  it("finds a name despite a typo, and says it matched by name", async () => {
    const [exact] = await searchCustomers({ db, query: "jonathan" });
    expect(exact?.reason).toBe("name");
    const name = `${exact!.givenName} ${exact!.familyName}`.toLowerCase();
    const typo = name.replace("jonathan", "jonathon");
    const hits = await searchCustomers({ db, query: typo });
    expect(hits[0]).toMatchObject({ id: exact!.id, reason: "name" });
  });

  it("finds by customer number, national id, phone and account number prefixes", async () => {
    const [any] = await searchCustomers({ db, query: "C00000042" });
    expect(any).toMatchObject({ customerNumber: "C00000042", reason: "customer number" });
    const customer = await findCustomer({ db, id: any!.id, viewer });
    expect(customer?.accounts.length).toBeGreaterThan(0);

    const byNational = await searchCustomers({ db, query: customer!.customer.nationalId.toLowerCase() });
    expect(byNational[0]).toMatchObject({ id: any!.id, reason: "national id" });

    const local = `0${customer!.customer.phoneDigits.slice(2)}`;
    const byPhone = await searchCustomers({ db, query: local.replace(/(\d{4})/, "$1 ") });
    expect(byPhone.find((h) => h.id === any!.id)?.reason).toBe("phone");

    const account = customer!.accounts[0]!.accountNumber;
    const byAccount = await searchCustomers({ db, query: account });
    expect(byAccount[0]).toMatchObject({ id: any!.id, reason: "account", matched: account });
  });

  it("ignores accents, in the data and in what the teller types", async () => {
    const hits = await searchCustomers({ db, query: "muller" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.reason === "name")).toBe(true);
    expect(hits.some((h) => h.familyName === "Müller")).toBe(true);
    const jose = await searchCustomers({ db, query: "josé schmidt" });
    expect(jose[0]).toMatchObject({ givenName: "José", familyName: "Schmidt", matched: "jose schmidt" });
  });

  it("finds customers added after the migration (the distinct-name list follows inserts)", async () => {
    await db.execute(sql`insert into customers (customer_number, given_name, family_name, date_of_birth, national_id, address)
      values ('C99999991', 'Zyxwen', 'Qorvalis', '1990-01-01', 'T99999991', '{"line1":"x","city":"y","postalCode":"1","country":"DE"}')`);
    const [hit] = await searchCustomers({ db, query: "zyxwen qorvalys" });
    expect(hit).toMatchObject({ customerNumber: "C99999991", reason: "name" });
  });

  it("returns nothing for a query that matches nothing", async () => {
    expect(await searchCustomers({ db, query: "zzqx" })).toEqual([]);
  });

  it("takes % and _ literally: '%%' lists nobody, and the schema asks for letters or digits", async () => {
    for (const query of ["%%", "%", "__", "C%", "c_0000004%", "\\%"]) {
      expect(await searchCustomers({ db, query }), query).toEqual([]);
    }
    // The literal prefix still works.
    expect((await searchCustomers({ db, query: "C0000004" })).length).toBeGreaterThan(0);
    for (const query of ["%%", "a", " 1 ", "._", ""]) {
      const refused = searchCustomersSchema.safeParse({ query });
      expect(refused.success, query).toBe(false);
      expect(issueText(refused.error!.issues[0]!)).toBe("Type at least 2 letters or digits.");
    }
    for (const query of ["ab", "12", "Zoë"]) expect(searchCustomersSchema.safeParse({ query }).success).toBe(true);
  });

  it("logs each customer of a search result and each customer page opened, in the same statement", async () => {
    const me: CustomerViewer = { userId: randomUUID(), branchId: randomUUID(), homeBranchId: null, training: false };
    const hits = await search({ db, query: "muller", viewer: me });
    expect(hits.length).toBeGreaterThan(0);
    const found = await findCustomer({ db, id: hits[0]!.id, viewer: me });
    expect(found?.customer.id).toBe(hits[0]!.id);
    const rows = await db.select().from(customerAccessLog).where(eq(customerAccessLog.userId, me.userId));
    const searched = rows.filter((r) => r.screen === "search");
    expect(searched.map((r) => r.customerId).sort()).toEqual(hits.map((h) => h.id).sort());
    expect(rows.filter((r) => r.screen === "customer_page").map((r) => r.customerId)).toEqual([hits[0]!.id]);
    expect(rows.every((r) => r.branchId === me.branchId && r.at instanceof Date)).toBe(true);
    // Nothing found, nothing logged.
    await search({ db, query: "zzqx", viewer: me });
    expect(await findCustomer({ db, id: randomUUID(), viewer: me })).toBeNull();
    expect(await db.$count(customerAccessLog, eq(customerAccessLog.userId, me.userId))).toBe(rows.length);
  });

  it("reads a customer's name for the page title without logging it, in the viewer's scope", async () => {
    const { rows: branchRows } = await db.execute<{ id: string }>(sql`select id from branches order by code`);
    const [home, other] = branchRows.map((b) => b.id);
    const [local] = await db.select().from(customers).where(eq(customers.homeBranchId, home!)).limit(1);
    const [foreign] = await db.select().from(customers).where(eq(customers.homeBranchId, other!)).limit(1);
    const bank: CustomerViewer = { userId: randomUUID(), branchId: home!, homeBranchId: null, training: false };
    const branch: CustomerViewer = { userId: bank.userId, branchId: home!, homeBranchId: home!, training: false };
    expect(await findCustomerName({ db, id: local!.id, viewer: branch })).toBe(
      `${local!.givenName} ${local!.familyName}`,
    );
    expect(await findCustomerName({ db, id: foreign!.id, viewer: bank })).toBe(
      `${foreign!.givenName} ${foreign!.familyName}`,
    );
    // Another branch's customer under the branch scope, or nobody: no name.
    expect(await findCustomerName({ db, id: foreign!.id, viewer: branch })).toBeNull();
    expect(await findCustomerName({ db, id: randomUUID(), viewer: bank })).toBeNull();
    expect(await db.$count(customerAccessLog, eq(customerAccessLog.userId, bank.userId))).toBe(0);
  });

  it("under the branch scope, finds and opens only customers of the user's home branch", async () => {
    const { rows: branchRows } = await db.execute<{ id: string }>(sql`select id from branches order by code`);
    const [home, other] = branchRows.map((b) => b.id);
    const mine: CustomerViewer = { userId: randomUUID(), branchId: home!, homeBranchId: home!, training: false };
    // Every seeded customer has a home branch, spread over the branches.
    expect(await db.$count(customers, sql`home_branch_id is null and customer_number like 'C0%'`)).toBe(0);
    const [foreign] = await db.select().from(customers).where(eq(customers.homeBranchId, other!)).limit(1);
    const [local] = await db.select().from(customers).where(eq(customers.homeBranchId, home!)).limit(1);
    // (Digits also match other, local customers' account numbers by prefix.)
    for (const query of [foreign!.customerNumber, foreign!.nationalId, foreign!.phone]) {
      const hits = await search({ db, query, viewer: mine });
      expect(hits.map((h) => h.id)).not.toContain(foreign!.id);
    }
    expect(await findCustomer({ db, id: foreign!.id, viewer: mine })).toBeNull();
    expect((await search({ db, query: local!.customerNumber, viewer: mine }))[0]?.id).toBe(local!.id);
    expect((await findCustomer({ db, id: local!.id, viewer: mine }))?.customer.id).toBe(local!.id);
    const names = await search({ db, query: "muller", viewer: mine });
    const homes = await db
      .select({ home: customers.homeBranchId })
      .from(customers)
      .where(sql`${customers.id} in ${names.length ? names.map((n) => n.id) : [randomUUID()]}`);
    expect(homes.every((h) => h.home === home)).toBe(true);
    expect(
      await db.$count(
        customerAccessLog,
        and(eq(customerAccessLog.userId, mine.userId), eq(customerAccessLog.customerId, foreign!.id)),
      ),
    ).toBe(0);
  });

  it("finds a customer number from a fragment: 17 and C17 mean C00000017", async () => {
    for (const query of ["17", "c17", "C17", "C 0017"]) {
      const hits = await searchCustomers({ db, query });
      expect(hits[0], query).toMatchObject({
        kind: "customer",
        customerNumber: "C00000017",
        reason: "customer number",
      });
    }
  });

  it("says when more customers match than are shown, and logs only those shown", async () => {
    const me: CustomerViewer = { userId: randomUUID(), branchId: null, homeBranchId: null, training: false };
    // The demo seed holds three Müllers: a list of two leaves one out.
    const some = await searchAll({ db, query: "muller", viewer: me, limit: 2 });
    expect(some.hits).toHaveLength(2);
    expect(some.more).toBe(true);
    const logged = await db.$count(customerAccessLog, eq(customerAccessLog.userId, me.userId));
    expect(logged).toBe(2);
    // An exact customer number: one hit, nothing more.
    expect(await searchAll({ db, query: "C00000042", viewer: me })).toMatchObject({
      hits: [{ customerNumber: "C00000042" }],
      more: false,
    });
    expect(await searchAll({ db, query: "zzqx", viewer: me })).toEqual({ hits: [], more: false });
  });

  it("finds a card request of the teller's branch by its last four digits and by its support reference", async () => {
    const counter = await makeCounter(db);
    const elsewhere = await makeCounter(db);
    const teller: CustomerViewer = {
      userId: counter.teller.id,
      branchId: counter.branch.id,
      homeBranchId: null,
      training: false,
    };
    const last4 = String(1000 + Math.floor(Math.random() * 9000));
    const card = await makeJob(db, counter, { state: "done", panLast4: last4 });
    // Same digits in another branch: not this teller's to find.
    await makeJob(db, elsewhere, { state: "done", panLast4: last4 });

    const byLast4 = (await search({ db, query: last4, viewer: teller })).filter((h) => h.kind === "request");
    expect(byLast4).toEqual([
      expect.objectContaining({
        kind: "request",
        id: card.id,
        reason: "last four digits",
        matched: `•••• ${last4}`,
        givenName: counter.customer.givenName,
        familyName: counter.customer.familyName,
        productName: counter.product.name,
        state: "done",
      }),
    ]);
    expect((await search({ db, query: `•••• ${last4}`, viewer: teller }))[0]?.id).toBe(card.id);

    const byReference = await search({ db, query: card.issuerRequestId.toUpperCase(), viewer: teller });
    expect(byReference[0]).toMatchObject({ kind: "request", id: card.id, reason: "support reference" });
    expect((await search({ db, query: card.issuerRequestId.slice(0, 8), viewer: teller }))[0]?.id).toBe(card.id);
    // The customer shown is in the access log.
    expect(
      await db.$count(
        customerAccessLog,
        and(eq(customerAccessLog.userId, teller.userId), eq(customerAccessLog.customerId, counter.customer.id)),
      ),
    ).toBeGreaterThan(0);
    // A user without a branch finds no requests.
    expect((await searchCustomers({ db, query: last4 })).some((h) => h.kind === "request")).toBe(false);
  });

  it("finds only requests of the viewer's kind: a trainee training requests, everyone else real ones", async () => {
    const counter = await makeCounter(db);
    const last4 = String(1000 + Math.floor(Math.random() * 9000));
    const real = await makeJob(db, counter, { state: "done", panLast4: last4 });
    const training = await makeJob(db, counter, { state: "done", panLast4: last4, training: true });
    const as = (isTrainee: boolean): CustomerViewer => ({
      userId: counter.teller.id,
      branchId: counter.branch.id,
      homeBranchId: null,
      training: isTrainee,
    });
    const requestIds = async (query: string, isTrainee: boolean) =>
      (await search({ db, query, viewer: as(isTrainee) })).filter((h) => h.kind === "request").map((h) => h.id);
    expect(await requestIds(last4, false)).toEqual([real.id]);
    expect(await requestIds(last4, true)).toEqual([training.id]);
    expect(await requestIds(training.issuerRequestId, false)).toEqual([]);
    expect(await requestIds(real.issuerRequestId, true)).toEqual([]);
    expect(await requestIds(training.issuerRequestId, true)).toEqual([training.id]);
  });

  it("looks requests up by index (last four within the branch, reference by prefix)", async () => {
    await db.execute(sql`analyze issuance_jobs`);
    const plan = async (where: string) => {
      await db.execute(sql`set enable_seqscan = off`);
      const { rows } = await db.execute<{ "QUERY PLAN": string }>(
        sql.raw(`explain select id from issuance_jobs where ${where}`),
      );
      await db.execute(sql`reset enable_seqscan`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    };
    const branch = randomUUID();
    expect(await plan(`branch_id = '${branch}' and pan_last4 = '1234'`)).toContain("issuance_jobs_branch_last4_idx");
    expect(await plan(`issuer_request_id like 'req-ab%'`)).toContain("issuance_jobs_issuer_request_id_pattern_idx");
  });
});

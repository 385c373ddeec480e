import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { freshDatabase } from "@/db/testing/fresh";
import { findCustomer, searchCustomers } from "./customers";

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
    const customer = await findCustomer({ db, id: any!.id });
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
});

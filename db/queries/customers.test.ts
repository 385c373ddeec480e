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

  it("returns nothing for a query that matches nothing", async () => {
    expect(await searchCustomers({ db, query: "zzqx" })).toEqual([]);
  });
});

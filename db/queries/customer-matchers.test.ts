// Each way a teller types a customer, against real PostgreSQL: punctuation, transliterations,
// German phonetics, swapped names, initials, date of birth with a name, subscriber numbers.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { freshDatabase } from "@/db/testing/fresh";
import { splitBirthDate, splitInitial } from "./customer-query";
import { searchCustomers, type CustomerViewer } from "./customers";

const viewer: CustomerViewer = { userId: randomUUID(), branchId: null, homeBranchId: null, training: false };

describe("customer name matchers", () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let n = 0;
  const add = async (given: string, family: string, dateOfBirth = "1970-01-01", phone = "") => {
    n++;
    const number = `M${String(n).padStart(8, "0")}`;
    const { rows } = await db.execute<{ id: string }>(sql`
      insert into customers (customer_number, given_name, family_name, date_of_birth, national_id, phone, address)
      values (${number}, ${given}, ${family}, ${dateOfBirth}, ${`N${number}`}, ${phone},
              '{"line1":"x","city":"y","postalCode":"1","country":"DE"}')
      returning id`);
    return rows[0]!.id;
  };
  const find = async (query: string) => (await searchCustomers({ db, query, viewer })).hits;
  const first = async (query: string) => (await find(query))[0]?.id;
  const fn = async (expr: string, arg: string) =>
    (await db.execute<{ v: string }>(sql`select ${sql.raw(expr)}(${arg}) as v`)).rows[0]!.v;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase());
    // The demo customers are the crowd the expected customer has to stand out of.
    await seedDemo(db, 300);
  });
  afterAll(() => dispose());

  it("folds names to one key: accents, punctuation, ue/oe/ae", async () => {
    for (const name of ["Müller", "Mueller", "Muller", "MÜLLER"]) expect(await fn("search_fold", name)).toBe("muller");
    for (const name of ["Søren", "Soeren", "Soren"]) expect(await fn("search_fold", name)).toBe("soren");
    expect(await fn("search_fold", "O'Brien")).toBe("obrien");
    expect(await fn("search_fold", "O’Brien")).toBe("obrien");
    expect(await fn("search_fold", " Al-Sayed ")).toBe("al sayed");
    expect(await fn("search_fold", "Straße")).toBe("strasse");
  });

  it("codes German names by Kölner Phonetik", async () => {
    for (const name of ["meier", "mayer", "maier", "meyer"]) expect(await fn("koelner_phonetik", name)).toBe("67");
    for (const name of ["schmidt", "schmitt", "schmid"]) expect(await fn("koelner_phonetik", name)).toBe("862");
    // The examples of the method's description.
    expect(await fn("koelner_phonetik", "wikipedia")).toBe("3412");
    expect(await fn("koelner_phonetik", "mullerludenscheidt")).toBe("65752682");
    const { rows } = await db.execute<{ v: string[] }>(sql`select phonetic_codes('x meier hans') as v`);
    expect(rows[0]!.v).toEqual(["068", "67"]);
  });

  it("ignores missing punctuation: obrien, alsayed", async () => {
    const obrien = await add("Quirin", "O'Brien");
    const alsayed = await add("Quirin", "Al-Sayed");
    expect(await first("quirin obrien")).toBe(obrien);
    expect((await find("obrien")).some((h) => h.id === obrien)).toBe(true);
    expect(await first("quirin alsayed")).toBe(alsayed);
    expect(await first("quirin al sayed")).toBe(alsayed);
  });

  it("finds transliterations both ways: Müller/Mueller/Muller, Søren/Soeren/Soren", async () => {
    const muller = await add("Wendelin", "Müller");
    const soeren = await add("Søren", "Vandrupsen");
    for (const query of ["wendelin müller", "wendelin mueller", "wendelin muller", "Wendelin MUELLER"])
      expect(await first(query), query).toBe(muller);
    for (const query of ["søren vandrupsen", "soeren vandrupsen", "soren vandrupsen"])
      expect(await first(query), query).toBe(soeren);
  });

  it("finds German phonetic variants: Meier as Mayer, Schmidt as Schmitt", async () => {
    const meier = await add("Ottokar", "Meier");
    const schmidt = await add("Ludolf", "Schmidt");
    expect((await find("ottokar mayr")).map((h) => h.id)).toContain(meier);
    expect(await first("ottokar maier")).toBe(meier);
    expect(await first("ludolf schmitt")).toBe(schmidt);
  });

  it("finds swapped given and family names, and an initial with the family name", async () => {
    const id = await add("Xaverius", "Brennecke");
    await add("Anselm", "Brennecke");
    // Many given names tie on distance with "x brennecke"; the initial must still pick its own.
    for (const given of ["Bea", "Cai", "Dirk", "Eike", "Finn", "Gero", "Hajo", "Ines", "Jost", "Kai", "Lars"])
      await add(given, "Brennecke");
    expect(await first("brennecke xaverius")).toBe(id);
    expect(await first("x brennecke")).toBe(id);
    expect(await first("brennecke x.")).toBe(id);
  });

  it("finds a name with two typos", async () => {
    const id = await add("Friedhelm", "Quastenberg");
    expect(await first("freidhelm qaustenberg")).toBe(id);
  });

  it("finds a name with a date of birth, ISO or German, above namesakes", async () => {
    const born = await add("Anna", "Müller", "1985-03-02");
    await add("Anna", "Müller", "1985-03-03");
    for (const query of ["muller 1985-03-02", "anna mueller 02.03.1985", "2.3.1985 müller", "a muller 1985-03-02"]) {
      const hits = await find(query);
      expect(hits[0], query).toMatchObject({ id: born, reason: "name and date of birth" });
    }
  });

  it("finds a customer by the subscriber number of the phone, without its prefix", async () => {
    const id = await add("Hiltrud", "Zander", "1970-01-01", "+49 171 98765432");
    const hits = await find("98765432");
    expect(hits.find((h) => h.id === id)).toMatchObject({ reason: "phone" });
    expect((await find("987 654 32")).map((h) => h.id)).toContain(id);
  });

  it("splits dates and initials out of what the teller typed", () => {
    expect(splitBirthDate("muller 02.03.1985")).toEqual({ dateOfBirth: "1985-03-02", rest: "muller" });
    expect(splitBirthDate("1985-3-2 anna muller")).toEqual({ dateOfBirth: "1985-03-02", rest: "anna muller" });
    expect(splitBirthDate("muller 31.02.1985")).toEqual({ dateOfBirth: null, rest: "muller 31.02.1985" });
    expect(splitBirthDate("C00001985")).toEqual({ dateOfBirth: null, rest: "C00001985" });
    expect(splitInitial("x muller")).toEqual({ initial: "x", rest: "muller" });
    expect(splitInitial("muller x.")).toEqual({ initial: "x", rest: "muller" });
    expect(splitInitial("muller")).toEqual({ initial: "", rest: "muller" });
  });
});

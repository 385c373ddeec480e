// CSV headers in the reader's language: German words for a German user, the stable column ids
// in English (unchanged for the spreadsheets built on them), and the values untouched.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { makeBranch, makeUser } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";
import { csvHeader } from "./csv-header";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));

afterAll(() => db.$client.end());

describe("csvHeader", () => {
  it("names the columns in German, and keeps the English ids as they were", () => {
    const columns = ["business_date", "stock_type", "counted_by", "failed_at"] as const;
    expect(csvHeader(columns, "de", { zone: "Europe/Berlin" })).toEqual([
      "Geschäftstag",
      "Kartenbestand",
      "Gezählt von",
      "Fehlgeschlagen am (Europe/Berlin)",
    ]);
    expect(csvHeader(columns, "en", { zone: "Europe/Berlin" })).toEqual([
      "business_date",
      "stock_type",
      "counted_by",
      "failed_at (Europe/Berlin)",
    ]);
  });

  it("heads the stock ledger export in the manager's language", async () => {
    const { GET } = await import("@/app/api/manager/stock/export/route");
    const branch = await makeBranch(db);
    const read = async (language: string | null) => {
      actAs({ ...(await makeUser(db, "manager", branch.id)), language });
      const response = await GET(new Request("http://localhost/api/manager/stock/export"));
      expect(response.status).toBe(200);
      return (await response.text()).replace(/^\uFEFF/, "").split("\r\n")[0];
    };
    expect(await read("de")).toBe(
      '"ID","Zeitpunkt","Kartenbestand","Ort","Station","Bewegung","Menge","Charge","Lieferantenreferenz",' +
        '"Makulaturgrund","Kartenantrags-ID","Von","Zweite Person"',
    );
    expect(await read("en")).toBe(
      '"id","at","stock_type","place","station","movement","quantity","lot","supplier_ref","spoil_reason","job_id","by","second_by"',
    );
  });
});

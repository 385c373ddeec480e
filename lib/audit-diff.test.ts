import { describe, expect, it } from "vitest";
import { auditChanges, describeChanges, fieldLabel } from "./audit-diff";

describe("auditChanges", () => {
  it("lists only the fields that changed, before → after, with readable labels", () => {
    const changes = auditChanges(
      { name: "Classic Debit", bin: "400000", panLength: 16, active: true },
      { name: "Classic Debit", bin: "411111", panLength: 16, active: false },
    );
    expect(changes).toEqual([
      { field: "BIN", before: "400000", after: "411111" },
      { field: "active", before: "yes", after: "no" },
    ]);
    expect(describeChanges(changes)).toBe("BIN: 400000 → 411111; active: yes → no");
  });

  it("shows a created row's fields from nothing and a deleted row's to nothing", () => {
    expect(auditChanges(null, { label: "Counter 3", location: "" })).toEqual([
      { field: "label", before: "—", after: "Counter 3" },
    ]);
    expect(auditChanges({ label: "Counter 3" }, null)).toEqual([{ field: "label", before: "Counter 3", after: "—" }]);
  });

  it("names ids it knows, compares arrays and objects by value, and never shows secrets or card data", () => {
    const names = new Map([["b-1", "BR001"]]);
    const changes = auditChanges(
      { branchIds: ["b-1"], services: { pinMailer: true }, pan: "4111111111111111", passwordHash: "x" },
      { branchIds: ["b-1", "b-2"], services: { pinMailer: true }, pan: "4000000000000002", passwordHash: "y" },
      (id) => names.get(id),
    );
    expect(changes).toEqual([{ field: "branches", before: "BR001", after: "BR001, b-2" }]);
  });

  it("returns nothing when nothing changed", () => {
    expect(auditChanges({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });

  it("turns code names into words", () => {
    expect(fieldLabel("d1CardProductId")).toBe("D1 product id");
    expect(fieldLabel("minAge")).toBe("lowest age");
    expect(fieldLabel("sessionCount")).toBe("session count");
    expect(fieldLabel("stock_count")).toBe("stock count");
  });

  it("tells a change in the words it is given (the user's language); values stay as stored", () => {
    const words = {
      field: (name: string) => (name === "active" ? "aktiv" : name),
      yes: "ja",
      no: "nein",
      none: "keine",
    };
    expect(
      auditChanges(
        { active: true, code: "BR001", branchIds: ["b-1"] },
        { active: false, code: "BR002", branchIds: [] },
        undefined,
        words,
      ),
    ).toEqual([
      { field: "aktiv", before: "ja", after: "nein" },
      { field: "code", before: "BR001", after: "BR002" },
      { field: "branchIds", before: "b-1", after: "keine" },
    ]);
  });
});

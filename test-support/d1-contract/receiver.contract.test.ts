// Our side of D1's outbound calls against the contract fixtures: the notification body we parse
// (E5) and the token endpoint we serve to D1 (E6). Also checks that each fixture passes its own
// schema and that the schemas catch a missing field, a wrong type, an undocumented field and a
// wrong constant, so a contract test cannot pass by accident.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { productionStatusSchema } from "@/lib/d1/status";
import { env } from "@/lib/env";
import { issueD1Token } from "@/lib/notifications/issue-token";
import { toStatusUpdates } from "@/lib/notifications/to-updates";
import { verifyD1Token } from "@/lib/notifications/token";
import { notificationSchema } from "@/lib/validations/notification";
import { exampleAt, loadFixture, problems, schemaAt } from "./contract";

const fixtures = readdirSync(new URL(".", import.meta.url)).filter((f) => f.endsWith(".json"));
const requested = loadFixture("e5-notification-requested.json");
const exception = loadFixture("e5-notification-exception.json");

describe("contract fixtures", () => {
  it.each(fixtures)("%s names its d1-api.md section and its examples pass their own schemas", (name) => {
    const fixture = loadFixture(name);
    for (const part of ["headers", "form", "body", "assertion.header", "assertion.payload", "header", "plaintext"]) {
      if (exampleAt(fixture, part) === undefined) continue;
      expect(problems(schemaAt(fixture, part), exampleAt(fixture, part)), `${name} ${part}`).toEqual([]);
    }
  });

  it("a schema refuses a missing field, a wrong type, an undocumented field and a wrong constant", () => {
    const order = loadFixture("e2-order-request.json");
    const body = exampleAt(order, "body") as Record<string, unknown>;
    const schema = schemaAt(order, "body");
    const { persoStation: _dropped, ...missing } = body;
    expect(problems(schema, missing)).not.toEqual([]);
    expect(problems(schema, { ...body, persoStation: 42 })).not.toEqual([]);
    expect(problems(schema, { ...body, shipment: {} })).not.toEqual([]);
    expect(problems(schema, { ...body, distributionChannel: "THALES" })).not.toEqual([]);
    expect(problems(schema, { ...body, services: { issuance: "NEW" } })).not.toEqual([]);
  });
});

describe("E5 notification body (d1-api.md §10)", () => {
  it.each([
    ["requested", requested, "requested", null],
    ["exception", exception, "production_exception", "free text from the station, unpublished vocabulary"],
  ] as const)("our receiver reads the %s example into a job update", (_name, fixture, state, reason) => {
    const parsed = notificationSchema.parse(fixture.body);
    const op = (fixture.body as { operations: Record<string, unknown>[] }).operations[0]!;
    const { updates, ignored } = toStatusUpdates(parsed.operations);
    expect(ignored).toBe(0);
    expect(updates).toEqual([
      expect.objectContaining({
        cardId: op.cardId,
        operationId: op.operationId,
        d1Status: (op.details as { status: string }).status,
        newState: state,
        reason,
        errorCode: op.errorCode ?? null,
        error: op.error ?? null,
      }),
    ]);
    // E3 answers in the same structure (§8): the status parser reads it too.
    expect(productionStatusSchema.safeParse(fixture.body).success).toBe(true);
  });

  it("ignores an operation it does not handle and tolerates an unknown details.status", () => {
    const op = (requested.body as { operations: Record<string, unknown>[] }).operations[0]!;
    const parsed = notificationSchema.parse({
      operations: [
        { ...op, operation: "ACTIVATE" },
        { ...op, details: { status: "CARD_PROD_ONGOING" } },
      ],
    });
    const { updates, ignored } = toStatusUpdates(parsed.operations);
    expect(ignored).toBe(1);
    expect(updates).toHaveLength(1);
  });
});

describe("E6 our token endpoint (d1-api.md §11)", () => {
  it("accepts the documented request and answers the documented body", async () => {
    const fixture = loadFixture("e6-token-request.json");
    const basic = Buffer.from(`${env.D1_NOTIFY_CLIENT_ID}:${env.D1_NOTIFY_CLIENT_SECRET}`).toString("base64");
    const headers = { ...(fixture.headers as Record<string, string>), authorization: `Basic ${basic}` };
    expect(problems(schemaAt(fixture, "headers"), headers)).toEqual([]);
    const response = await issueD1Token(
      new Request("https://bank.example/authz/d1/v1/oauth2/token", {
        method: fixture.method as string,
        headers,
        body: new URLSearchParams(fixture.form as Record<string, string>).toString(),
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string };
    expect(problems(schemaAt(loadFixture("e6-token-response.json"), "body"), body)).toEqual([]);
    expect(await verifyD1Token(body.access_token)).toBe(true);
  });
});

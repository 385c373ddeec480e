// Property-based fuzzing of every server action's input schema and of the action wrapper's
// parsing step: any input either parses or gives zod issues with messages, never another error.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { actionInput, parseActionInput } from "@/lib/actions/input";
import { isAppError } from "@/lib/errors";
import * as accessLog from "./access-log";
import * as approval from "./approval";
import * as audit from "./audit";
import * as branch from "./branch";
import * as handOver from "./hand-over";
import * as issuance from "./issuance";
import * as language from "./language";
import * as notification from "./notification";
import * as password from "./password";
import * as product from "./product";
import * as reports from "./reports";
import * as secondSigner from "./second-signer";
import * as sso from "./sso";
import * as station from "./station";
import * as stock from "./stock";
import * as stockCount from "./stock-count";
import * as training from "./training";
import * as user from "./user";

const SCHEMAS: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries({
    ...accessLog,
    ...approval,
    ...audit,
    ...branch,
    ...language,
    ...handOver,
    ...issuance,
    ...notification,
    ...password,
    ...product,
    ...reports,
    ...secondSigner,
    ...sso,
    ...station,
    ...stock,
    ...stockCount,
    ...training,
    ...user,
  } as Record<string, unknown>).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType),
);

/** The schema each action is built with, read from its source (`input: someSchema`). */
function actionSchemas(): Record<string, string> {
  const root = path.join(process.cwd(), "lib/actions");
  const out: Record<string, string> = {};
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(path.join(root, dir.name)).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    )) {
      const source = readFileSync(path.join(root, dir.name, file), "utf8");
      const input = /createAction\(\{[\s\S]*?\binput:\s*(\w+)/.exec(source)?.[1];
      if (input) out[`${dir.name}/${file}`] = input;
    }
  }
  return out;
}

/** Field names of an object schema (through refinements, pipes and intersections). */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (def.type === "intersection") return [...keysOf(def.left as z.ZodType), ...keysOf(def.right as z.ZodType)];
  if (def.type === "pipe") return keysOf(def.in as z.ZodType);
  return [];
}

// Values a form or a hand-made request could put into a field.
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "true",
    "on",
    "1",
    "false",
    "null",
    "NaN",
    "1e400",
    "-0",
    "0x1F",
    "__proto__",
    "constructor",
    "A".repeat(300),
  ),
  fc.uuid(),
  fc.emailAddress(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([bytes], "face.png", { type: "image/png" })),
  fc.constant(new File([], "")),
);

/** Objects with the schema's own field names (so parsing gets deep), plus stray ones. */
const inputFor = (schema: z.ZodType): fc.Arbitrary<unknown> => {
  const keys = keysOf(schema);
  const shaped =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue])), { requiredKeys: [] })
      : fc.dictionary(fc.string({ maxLength: 8 }), fieldValue, { maxKeys: 4 });
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.dictionary(fc.string({ maxLength: 8 }), fieldValue, { maxKeys: 3 }))
        .map(([a, b]) => ({ ...b, ...a })),
    },
    {
      weight: 1,
      arbitrary: fc.anything({
        maxDepth: 3,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withNullPrototype: true,
      }),
    },
  );
};

function expectZodIssues(error: z.ZodError) {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(typeof issue.message).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

describe("action input schemas under arbitrary input", () => {
  it("covers the schema of every action built with createAction", () => {
    const used = actionSchemas();
    expect(Object.keys(used).length).toBeGreaterThanOrEqual(18);
    for (const [file, name] of Object.entries(used)) expect(SCHEMAS[name], `${file} uses ${name}`).toBeDefined();
  });

  const actionSchemaNames = new Set(Object.values(actionSchemas()));
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name}: parses or gives zod issues with messages, never throws`, () => {
      let failures = 0;
      fc.assert(
        fc.property(inputFor(schema), (input) => {
          const result = schema.safeParse(input);
          if (!result.success) {
            failures++;
            expectZodIssues(result.error);
          }
        }),
        { numRuns: 400 },
      );
      // The generator reaches an action schema's refusals, not only its happy path.
      if (actionSchemaNames.has(name)) expect(failures).toBeGreaterThan(0);
    });
  }
});

describe("the action wrapper's parsing step", () => {
  const used = [...new Set(Object.values(actionSchemas()))].map((name) => [name, SCHEMAS[name]!] as const);

  it("turns every invalid input into invalid:action with field errors, and nothing else", () => {
    let invalid = 0;
    fc.assert(
      fc.property(
        fc
          .constantFrom(...used)
          .chain(([name, schema]) => fc.tuple(fc.constant(name), fc.constant(schema), inputFor(schema))),
        ([, schema, input]) => {
          try {
            parseActionInput(schema, input);
          } catch (error) {
            invalid++;
            expect(isAppError(error)).toBe(true);
            if (!isAppError(error)) return;
            expect(error.code).toBe("invalid:action");
            expect(error.status).toBe(400);
            const json = error.toJSON() as { fieldErrors?: Record<string, unknown> };
            expect(json.fieldErrors).toBeTypeOf("object");
            for (const messages of Object.values(json.fieldErrors ?? {})) {
              expect(Array.isArray(messages)).toBe(true);
              for (const m of messages as unknown[]) expect(typeof m === "string" && m.length > 0).toBe(true);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(invalid).toBeGreaterThan(1000);
  });

  it("reads forms like useActionState sends them: arbitrary FormData never breaks parsing", () => {
    const entry = fc.tuple(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom("$ACTION_ID_x", "$ACTION_REF_1", "name", "code", "branchIds", "active"),
      ),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.uint8Array({ maxLength: 32 }).map((b) => new File([b], "f.bin")),
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...used), fc.array(entry, { maxLength: 12 }), ([, schema], entries) => {
        const form = new FormData();
        for (const [k, v] of entries) form.append(k, v);
        const raw = actionInput([null, form]);
        expect(Object.keys(raw as object).some((k) => k.startsWith("$ACTION"))).toBe(false);
        try {
          parseActionInput(schema, raw);
        } catch (error) {
          expect(isAppError(error) && error.code === "invalid:action").toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

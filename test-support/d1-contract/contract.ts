// Test support only: loads the D1 contract fixtures of this folder (transcribed from the D1 docs
// as recorded in ../shared/d1-api.md, never from the simulator or the client) and derives zod
// schemas from them. A schema checks the example's keys and value types, exact values where
// the docs fix them (enums, constants), documented patterns, and leaves example values such as
// ids and timestamps free. Rules live in each fixture's `_rules`:
//   exact: paths whose value must equal the example; enums: path → allowed values;
//   patterns: path → regex; optional: paths that may be absent (also ones not in the example);
//   closed: objects that may carry no other key (requests we send: only documented fields);
//   stringOrNumber: paths whose type the docs leave open.
// Paths start at the fixture's top level; `[]` stands for every element of an array.
import { readFileSync } from "node:fs";
import { z } from "zod";

export interface Rules {
  exact?: string[];
  enums?: Record<string, string[]>;
  patterns?: Record<string, string>;
  optional?: string[];
  closed?: string[];
  stringOrNumber?: string[];
  sameShapeAs?: string;
}

export interface Fixture {
  _source: string;
  _rules?: Rules;
  [field: string]: unknown;
}

export function loadFixture(name: string): Fixture {
  const fixture = JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8")) as Fixture;
  if (!/^d1-api\.md §\d/.test(fixture._source)) throw new Error(`${name}: _source must name a section of d1-api.md`);
  return fixture;
}

/** The example value at a dotted path of the fixture (no `[]`). */
export function exampleAt(fixture: Fixture, path: string): unknown {
  return path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], fixture);
}

/** The zod schema of the example at `path`, under the fixture's rules (or those of `sameShapeAs`). */
export function schemaAt(fixture: Fixture, path: string): z.ZodType {
  const rules = fixture._rules?.sameShapeAs
    ? (loadFixture(fixture._rules.sameShapeAs)._rules ?? {})
    : (fixture._rules ?? {});
  return build(exampleAt(fixture, path), path, rules);
}

function build(value: unknown, path: string, rules: Rules): z.ZodType {
  if (rules.exact?.includes(path)) return z.literal(value as string | number | boolean);
  const allowed = rules.enums?.[path];
  if (allowed) return z.enum(allowed as [string, ...string[]]);
  const pattern = rules.patterns?.[path];
  if (rules.stringOrNumber?.includes(path)) return z.union([z.string().min(1), z.number().int()]);
  if (typeof value === "string") return pattern ? z.string().regex(new RegExp(pattern)) : z.string().min(1);
  if (typeof value === "number") return Number.isInteger(value) ? z.number().int() : z.number();
  if (typeof value === "boolean") return z.boolean();
  if (Array.isArray(value)) return z.array(build(value[0], `${path}[]`, rules)).min(1);
  if (typeof value === "object" && value !== null) {
    const optional = new Set(rules.optional ?? []);
    const shape: Record<string, z.ZodType> = {};
    for (const [key, child] of Object.entries(value)) {
      const schema = build(child, `${path}.${key}`, rules);
      shape[key] = optional.has(`${path}.${key}`) ? schema.optional() : schema;
    }
    // Documented optional fields the example does not show: allowed, any value.
    for (const p of optional) {
      const key = p.slice(path.length + 1);
      if (p.startsWith(`${path}.`) && !key.includes(".") && !key.includes("[") && !(key in shape)) {
        shape[key] = z.unknown().optional();
      }
    }
    return rules.closed?.includes(path) ? z.strictObject(shape) : z.looseObject(shape);
  }
  throw new Error(`fixture value at ${path} has no JSON type`);
}

/** Fills `{issuerId}`-style placeholders of a fixture's pathTemplate. */
export function pathOf(fixture: Fixture, values: Record<string, string>): string {
  return String(fixture.pathTemplate).replace(/\{(\w+)\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`no value for {${key}}`);
    return v;
  });
}

/** Parses with the schema and returns the issues as readable `path: message` lines (empty = valid). */
export function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
}

import { describe, expect, it } from "vitest";
import { compare, summarise } from "./heap-diff";

/** A heap snapshot in V8's layout: nodes as flat rows of (type, name, id, self_size). */
function snapshot(objects: Array<[type: string, name: string, size: number]>) {
  const types = ["hidden", "array", "string", "object", "code", "closure"];
  const strings: string[] = [];
  const at = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  return {
    snapshot: { meta: { node_fields: ["type", "name", "id", "self_size"], node_types: [types] as [string[]] } },
    nodes: objects.flatMap(([type, name, size], i) => [types.indexOf(type), at(name), i, size]),
    strings,
  };
}

describe("heap snapshot diff", () => {
  it("counts objects by constructor, strings by type, and sorts the growth by size", () => {
    const before = summarise(
      snapshot([
        ["object", "Stream", 100],
        ["string", "a cookie", 40],
      ]),
    );
    const after = summarise(
      snapshot([
        ["object", "Stream", 100],
        ["object", "Stream", 100],
        ["object", "Stream", 100],
        ["string", "another cookie", 50],
        ["string", "a cookie", 40],
        ["closure", "send", 32],
      ]),
    );
    expect(compare(before, after).map(({ name, count, size }) => [name, count, size])).toEqual([
      ["Stream", 2, 200],
      ["(string)", 1, 50],
      ["send()", 1, 32],
    ]);
  });
});

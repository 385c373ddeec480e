// docs/card-system.openapi.yaml, the stub and our client must name the same operations: every
// path and method of the contract is served by the stub, and each is one the client calls.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const contract = readFileSync(path.join(root, "docs/card-system.openapi.yaml"), "utf8");
const client = readFileSync(path.join(root, "lib/card-system/http.ts"), "utf8");
const stub = readFileSync(path.join(root, "sim/card-system.ts"), "utf8");

/** "METHOD /path" for every operation under `paths:` (two-space paths, four-space methods). */
function operations(yaml: string): string[] {
  const paths = yaml.slice(yaml.indexOf("\npaths:"), yaml.indexOf("\ncomponents:"));
  const found: string[] = [];
  let current = "";
  for (const line of paths.split("\n")) {
    const p = /^ {2}(\/\S+):$/.exec(line);
    if (p) current = p[1]!;
    const m = /^ {4}(get|put|post|delete|patch):$/.exec(line);
    if (m) found.push(`${m[1]!.toUpperCase()} ${current}`);
  }
  return found;
}

describe("card system contract", () => {
  it("lists allocate, activate, block and health, each implemented by the client and the stub", () => {
    const ops = operations(contract);
    expect(ops).toEqual([
      "PUT /cards/{cardId}/data",
      "POST /cards/{cardId}/activation",
      "POST /cards/{cardId}/block",
      "GET /health",
    ]);
    for (const op of ops) {
      const [method, route] = op.split(" ") as [string, string];
      const last = route.split("/").at(-1)!;
      // The client builds `/cards/${cardId}/<last>` (or `/health`) with this method.
      expect(client).toMatch(new RegExp(`"${method}", \`?[^\\n]*/${last}`));
      expect(stub).toContain(last === "health" ? "/card-system/v1/health" : last);
    }
  });

  it("says every operation is idempotent and which answers are retried", () => {
    expect(contract).toMatch(/Allocation is idempotent per `cardId`/);
    expect(contract).toMatch(/Activation and blocking are idempotent by design/);
    expect(contract).toMatch(/`429` or a `5xx`/);
  });
});

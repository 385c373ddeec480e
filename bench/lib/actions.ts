// Calling server actions over HTTP by their id in the production build's server-reference
// manifest, as the browser does (the same approach as e2e/support/server-actions.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { appDir } from "./stack";

type ManifestEntry = { workers: Record<string, unknown>; exportedName: string; filename: string };

/** The action's id and a page path that serves it, with dynamic segments filled from `params`. */
export function findAction(
  exportedName: string,
  params: Record<string, string> = {},
): { id: string; pagePath: string } {
  const manifest = JSON.parse(
    readFileSync(path.join(appDir(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, ManifestEntry>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName !== exportedName) continue;
    for (const worker of Object.keys(entry.workers)) {
      const segments = worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .split("/")
        .filter((s) => s && !s.startsWith("("));
      const filled = segments.map((s) => (s.startsWith("[") ? params[s.slice(1, -1)] : s));
      if (filled.some((s) => s === undefined)) continue;
      return { id, pagePath: `/${filled.join("/")}` };
    }
  }
  throw new Error(
    `no server action ${exportedName} (with params ${Object.keys(params).join(", ") || "none"}) in the build`,
  );
}

export function actionHeaders(actionId: string, origin: string, cookie: string): Record<string, string> {
  return {
    "next-action": actionId,
    "content-type": "text/plain;charset=UTF-8",
    accept: "text/x-component",
    origin,
    cookie,
  };
}

// Calls server actions over HTTP exactly as a browser (or an attacker) can, using the ids from
// the production build's server-reference manifest.
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { BASE_URL } from "./config";

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
export type ServerAction = { id: string; name: string; file: string; pagePath: string };

/** `app/(admin)/admin/page` → `/admin` */
function workerToPath(worker: string): string {
  const segments = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !s.startsWith("("));
  return `/${segments.join("/")}`;
}

export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
    pagePath: workerToPath(Object.keys(entry.workers)[0] ?? "app/page"),
  }));
}

export function appRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/route"))
    .map((k) => k.replace(/\/route$/, ""));
}

export type ActionCall = { status: number; body: string; redirectedToLogin: boolean; actionRedirect: string | null };

export async function callAction(
  request: APIRequestContext,
  action: ServerAction,
  args: unknown[],
): Promise<ActionCall> {
  const response = await request.post(action.pagePath, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: BASE_URL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  return {
    status: response.status(),
    body: await response.text(),
    redirectedToLogin: location.includes("/login"),
    // Where an action sent the browser with redirect() (Next.js answers it in a header).
    actionRedirect: response.headers()["x-action-redirect"] ?? null,
  };
}

/** The `code` of the action's result, if the body carries one. */
export function resultCode(body: string): string | null {
  return /"code":"([a-z_]+:[a-z_]+)"/.exec(body)?.[1] ?? null;
}

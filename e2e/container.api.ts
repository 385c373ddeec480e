// The e2e server is the standalone server started exactly as the container image starts it
// (e2e/serve.ts, scripts/lib/standalone.ts): `node .next/standalone/server.js` with the image's
// settings. Here: it is alive and ready, the image's own HEALTHCHECK command passes against it,
// and the files the image copies beside server.js (public/, .next/static) are served.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { healthcheckCommand } from "../ops/container-files";
import { BASE_URL, E2E_PORT } from "./support/config";

test("/api/health and /api/ready answer 200", async () => {
  for (const path of ["/api/health", "/api/ready"]) {
    const response = await fetch(`${BASE_URL}${path}`);
    expect(response.status, path).toBe(200);
  }
});

test("the image's HEALTHCHECK command passes against the running server", () => {
  const [node, ...args] = healthcheckCommand(readFileSync("Dockerfile", "utf8"));
  expect(node).toBe("node");
  // This Node (24) stands for the image's; PORT as the image sets it, here the e2e port.
  const env = { NODE_ENV: "production", PORT: String(E2E_PORT) } as const;
  const result = spawnSync(process.execPath, args, { env, timeout: 10_000 });
  expect(result.status).toBe(0);
});

test("the static files copied beside server.js are served: public/ and the build's scripts", async () => {
  const face = await fetch(`${BASE_URL}/card-faces/classic-debit.svg`);
  expect(face.status).toBe(200);
  const login = await (await fetch(`${BASE_URL}/login`)).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(login)?.[1];
  expect(script).toBeDefined();
  const response = await fetch(`${BASE_URL}${script}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("javascript");
});

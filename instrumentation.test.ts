// What register() starts in the server process: the graceful shutdown always, and the issuance
// worker unless it runs apart (WORKER_IN_APP=false, compose.yaml's worker service).
import { afterEach, expect, it, vi } from "vitest";

const started = vi.hoisted(() => ({ worker: 0, shutdown: 0, settings: { WORKER_IN_APP: true } }));
vi.mock("@/lib/env", () => ({
  env: {
    get WORKER_IN_APP() {
      return started.settings.WORKER_IN_APP;
    },
    HTTP_HEADERS_TIMEOUT_SECONDS: 20,
    HTTP_REQUEST_TIMEOUT_SECONDS: 30,
    APP_VERSION: "test",
  },
}));
vi.mock("@/lib/http/server-limits", () => ({ installServerLimits: () => () => {} }));
vi.mock("@/lib/log", () => ({ log: { info: () => {} } }));
vi.mock("@/lib/shutdown/install", () => ({ installGracefulShutdown: () => void started.shutdown++ }));
vi.mock("@/lib/issuance/start", () => ({ startIssuanceWorker: () => Promise.resolve(void started.worker++) }));

const { register } = await import("./instrumentation");

afterEach(() => {
  vi.unstubAllEnvs();
  Object.assign(started, { worker: 0, shutdown: 0 });
});

it("starts the graceful shutdown and the worker in the server process", async () => {
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  started.settings.WORKER_IN_APP = true;
  await register();
  expect(started).toMatchObject({ shutdown: 1, worker: 1 });
});

it("leaves the worker out with WORKER_IN_APP=false, and keeps the graceful shutdown", async () => {
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  started.settings.WORKER_IN_APP = false;
  await register();
  expect(started).toMatchObject({ shutdown: 1, worker: 0 });
});

it("starts nothing in the edge runtime", async () => {
  vi.stubEnv("NEXT_RUNTIME", "edge");
  await register();
  expect(started).toMatchObject({ shutdown: 0, worker: 0 });
});

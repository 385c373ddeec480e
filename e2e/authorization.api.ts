// Every page, route and server action, called as every role and signed out. A new action or
// route that is missing from these tables fails the suite, so nothing ships without a decision.
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { appRoutes, callAction, resultCode, serverActions } from "./support/server-actions";
import { METRICS_TOKEN } from "./support/config";
import { storageState, type Persona } from "./support/users";

type Who = Persona | "anonymous";
const WHO: Who[] = ["anonymous", "teller", "manager", "admin"];
const ROLE: Record<Persona, "teller" | "manager" | "admin"> = {
  teller: "teller",
  manager: "manager",
  admin: "admin",
  tellerRiverside: "teller",
  managerRiverside: "manager",
};

const PAGES: Record<string, ReadonlyArray<"teller" | "manager" | "admin">> = {
  "/teller": ["teller", "manager"],
  "/manager": ["manager", "admin"],
  "/admin": ["admin"],
  "/manager/stations": ["manager", "admin"],
  "/manager/audit": ["manager", "admin"],
  "/manager/stock": ["manager", "admin"],
  "/admin/stock-types": ["admin"],
  "/manager/reports": ["manager", "admin"],
  "/manager/end-of-day": ["manager", "admin"],
  "/admin/products": ["admin"],
  "/admin/products/new": ["admin"],
  "/admin/branches": ["admin"],
  "/admin/users": ["admin"],
  "/admin/sso": ["admin"],
  "/admin/audit": ["admin"],
  "/admin/access-log": ["admin"],
  "/admin/d1": ["admin"],
  "/manager/approvals": ["manager", "admin"],
  "/admin/approvals": ["admin"],
  "/admin/training": ["admin"],
  // The SSO confirmation popup's last page; without a confirmation it says so.
  "/second-signer": ["manager", "admin"],
};

/** Routes that need no session by design. */
const PUBLIC_ROUTES = new Set(["/api/health", "/api/ready", "/api/auth/[...nextauth]", "/api/session/sign-out"]);
const ROUTES: Record<string, ReadonlyArray<"teller" | "manager" | "admin">> = {
  "/api/admin/users": ["admin"],
  "/api/manager/stations": ["manager"],
  "/api/teller/products": ["teller", "manager"],
  "/api/events": ["teller", "manager"],
  "/api/manager/stations/health": ["manager", "admin"],
  "/api/manager/board": ["manager", "admin"],
  "/api/manager/approvals": ["manager", "admin"],
  "/api/manager/stock/export": ["manager", "admin"],
  "/api/manager/stock": ["manager", "admin"],
  // Without parameters: the own branch's cards by teller over the last 7 days.
  "/api/manager/reports/export": ["manager", "admin"],
  "/api/manager/end-of-day/export": ["manager", "admin"],
  "/api/admin/audit/export": ["admin"],
  "/api/manager/audit/export": ["manager"],
  "/api/admin/access-log/export": ["admin"],
  "/api/admin/d1/check": ["admin"],
  "/api/teller/jobs": ["teller", "manager"],
  "/api/teller/stations": ["teller", "manager"],
  "/api/teller/d1-status": ["teller", "manager"],
  "/api/session/activity": ["teller", "manager", "admin"],
};
/** Routes with a path parameter: called with a well-formed id that does not exist. */
const PARAM_ROUTES: Record<
  string,
  { path: string; roles: ReadonlyArray<"teller" | "manager" | "admin">; allowedStatus: number }
> = {
  "/api/jobs/[jobId]": {
    path: "/api/jobs/00000000-0000-4000-8000-000000000000",
    roles: ["teller", "manager", "admin"],
    allowedStatus: 404,
  },
  "/api/jobs/[jobId]/receipt": {
    path: "/api/jobs/00000000-0000-4000-8000-000000000000/receipt",
    roles: ["teller", "manager"],
    allowedStatus: 404,
  },
  "/api/card-faces/[productId]": {
    path: "/api/card-faces/00000000-0000-4000-8000-000000000000",
    roles: ["teller", "manager", "admin"],
    allowedStatus: 404,
  },
};
/**
 * Routes a browser is sent through (the dual-control SSO popup): called without following the
 * redirect; an allowed role gets `status` (to the identity provider, or to the popup's page).
 */
const REDIRECT_ROUTES: Record<
  string,
  { roles: ReadonlyArray<"teller" | "manager" | "admin">; status: number; query?: string }
> = {
  // The step being confirmed is required: the confirmation is good for that step only.
  "/api/dual-control/sso/start": { roles: ["manager"], status: 303, query: "?step=stock.receive" },
  "/api/dual-control/sso/callback": { roles: ["manager"], status: 303 },
};
/** Server-sent event streams: checked by status and content type, then closed. */
const STREAMS: Record<string, ReadonlyArray<"teller" | "manager" | "admin">> = {
  "/api/events/stream": ["teller", "manager"],
};
/** D1-facing routes: no session, D1's own credentials (HTTP Basic, then our bearer token). */
const D1_ROUTES: Record<string, { method: "POST"; status: number }> = {
  "/authz/d1/v1/oauth2/token": { method: "POST", status: 401 },
  "/notifications/d1/v2/issuers/[issuerId]/cards": { method: "POST", status: 401 },
};

/** Routes for machines with their own bearer token, which no session replaces (401 for every role). */
const TOKEN_ROUTES: Record<string, { token: string; contentType: string }> = {
  "/api/metrics": { token: METRICS_TOKEN, contentType: "text/plain" },
};

/** `null`: public (sign-in itself). Every other action must name its roles. */
const ACTIONS: Record<string, ReadonlyArray<"teller" | "manager" | "admin"> | null> = {
  signInAction: null,
  signInSsoAction: null,
  changePasswordAction: ["teller", "manager", "admin"],
  setLanguageAction: ["teller", "manager", "admin"],
  createBranchAction: ["admin"],
  setDefaultStationAction: ["manager"],
  registerStationAction: ["manager"],
  registerBranchStationAction: ["admin"],
  setStationEnabledAction: ["manager"],
  moveStationRequestsAction: ["manager"],
  clearStationProblemAction: ["manager"],
  verifyStationAction: ["manager", "admin"],
  printTestCardAction: ["manager", "admin"],
  renameStationAction: ["manager", "admin"],
  deleteStationAction: ["manager", "admin"],
  recordStockCountAction: ["manager"],
  explainStockCountAction: ["manager"],
  createProductAction: ["admin"],
  updateProductAction: ["admin"],
  setProductActiveAction: ["admin"],
  deleteProductAction: ["admin"],
  updateBranchAction: ["admin"],
  createUserAction: ["admin"],
  updateUserAction: ["admin"],
  setUserActiveAction: ["admin"],
  resetUserPasswordAction: ["admin"],
  setSsoGroupRoleAction: ["admin"],
  searchCustomersAction: ["teller", "manager"],
  issueCardAction: ["teller", "manager"],
  retryJobAction: ["teller", "manager"],
  closeJobAction: ["teller", "manager"],
  handOverAction: ["teller", "manager"],
  retryActivationAction: ["teller", "manager"],
  cancelJobAction: ["teller", "manager"],
  moveJobAction: ["teller", "manager"],
  approveRequestAction: ["manager"],
  rejectRequestAction: ["manager"],
  updateApprovalSettingsAction: ["admin"],
  receiveStockAction: ["manager"],
  loadStationAction: ["manager"],
  destroySpoiledAction: ["manager"],
  spoilCardAction: ["manager"],
  setLowStockThresholdAction: ["manager"],
  reportMisprintAction: ["teller", "manager"],
  createStockTypeAction: ["admin"],
  renameStockTypeAction: ["admin"],
  setStockTypeActiveAction: ["admin"],
  setUserTrainingAction: ["admin"],
  setBranchTrainingAction: ["admin"],
  addTrainingFaultAction: ["admin"],
  clearTrainingFaultAction: ["admin"],
  wipeTrainingDataAction: ["admin"],
};

async function as(who: Who, playwright: PlaywrightWorkerArgs["playwright"], baseURL: string) {
  return playwright.request.newContext({
    baseURL,
    storageState: who === "anonymous" ? undefined : storageState(who),
  });
}

test("every route and action of the build is in the authorisation tables", () => {
  for (const route of appRoutes()) {
    const known =
      PUBLIC_ROUTES.has(route) ||
      route in ROUTES ||
      route in STREAMS ||
      route in D1_ROUTES ||
      route in PARAM_ROUTES ||
      route in REDIRECT_ROUTES ||
      route in TOKEN_ROUTES;
    expect(known, `route ${route} has no authorisation entry`).toBe(true);
  }
  for (const action of serverActions()) {
    expect(action.name in ACTIONS, `action ${action.name} (${action.file}) has no authorisation entry`).toBe(true);
  }
});

for (const who of WHO) {
  test.describe(`as ${who}`, () => {
    let request: APIRequestContext;
    test.beforeAll(async ({ playwright, baseURL }) => {
      request = await as(who, playwright, baseURL ?? "");
    });
    test.afterAll(() => request.dispose());

    for (const [path, roles] of Object.entries(PAGES)) {
      test(`page ${path}`, async () => {
        const response = await request.get(path, { maxRedirects: 0 });
        if (who === "anonymous") {
          expect(response.status()).toBe(307);
          expect(response.headers()["location"]).toContain("/login");
        } else {
          expect(response.status()).toBe(roles.includes(ROLE[who]) ? 200 : 403);
        }
      });
    }

    for (const [path, roles] of Object.entries(ROUTES)) {
      test(`route ${path}`, async () => {
        const response = await request.get(path);
        const expected = who === "anonymous" ? 401 : roles.includes(ROLE[who]) ? 200 : 403;
        expect(response.status()).toBe(expected);
        if (expected >= 400) {
          const body = (await response.json()) as { code: string; message: string };
          expect(body.code).toBe(expected === 401 ? "unauthorized:route" : "forbidden:route");
          expect(body.message.length).toBeGreaterThan(10);
        }
      });
    }

    for (const [name, r] of Object.entries(PARAM_ROUTES)) {
      test(`route ${name}`, async () => {
        const response = await request.get(r.path);
        const expected = who === "anonymous" ? 401 : r.roles.includes(ROLE[who]) ? r.allowedStatus : 403;
        expect(response.status()).toBe(expected);
      });
    }

    for (const [path, r] of Object.entries(REDIRECT_ROUTES)) {
      test(`redirect route ${path}`, async () => {
        const response = await request.get(`${path}${r.query ?? ""}`, { maxRedirects: 0 });
        const expected = who === "anonymous" ? 401 : r.roles.includes(ROLE[who]) ? r.status : 403;
        expect(response.status()).toBe(expected);
      });
    }

    for (const [path, roles] of Object.entries(STREAMS)) {
      test(`stream ${path}`, async ({ baseURL }) => {
        const state =
          who === "anonymous"
            ? { cookies: [] }
            : ((await request.storageState()) as { cookies: { name: string; value: string }[] });
        const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
        const abort = new AbortController();
        const response = await fetch(`${baseURL}${path}`, {
          headers: { cookie, accept: "text/event-stream" },
          signal: abort.signal,
        });
        const expected = who === "anonymous" ? 401 : roles.includes(ROLE[who]) ? 200 : 403;
        expect(response.status).toBe(expected);
        if (expected === 200) expect(response.headers.get("content-type")).toContain("text/event-stream");
        abort.abort();
      });
    }

    for (const [path, d1] of Object.entries(D1_ROUTES)) {
      test(`D1 route ${path} ignores sessions`, async () => {
        const response = await request.fetch(path.replace("[issuerId]", "ISSUER0001"), {
          method: d1.method,
          data: "{}",
        });
        expect(response.status()).toBe(d1.status);
      });
    }

    for (const [path, { token }] of Object.entries(TOKEN_ROUTES)) {
      test(`token route ${path} ignores sessions`, async () => {
        expect((await request.get(path)).status()).toBe(401);
        expect((await request.get(path, { headers: { authorization: `Bearer ${token}-wrong` } })).status()).toBe(401);
      });
    }

    for (const [name, roles] of Object.entries(ACTIONS)) {
      if (!roles) continue;
      test(`action ${name}`, async () => {
        const action = serverActions().find((a) => a.name === name);
        expect(action, `${name} is in the build`).toBeDefined();
        // Empty input: an allowed role gets a validation answer, anyone else a refusal.
        const call = await callAction(request, action!, [{}]);
        if (who === "anonymous") {
          expect(call.redirectedToLogin || resultCode(call.body) === "unauthorized:auth").toBe(true);
        } else if (roles.includes(ROLE[who])) {
          expect(resultCode(call.body)).toMatch(/^invalid:/);
        } else {
          expect(resultCode(call.body)).toBe("forbidden:action");
          expect(call.body).toContain("Your role does not allow this action");
        }
      });
    }
  });
}

test("/api/metrics answers Prometheus with its token, and only with it", async ({ playwright, baseURL }) => {
  const request = await as("anonymous", playwright, baseURL ?? "");
  for (const [path, { token, contentType }] of Object.entries(TOKEN_ROUTES)) {
    const response = await request.get(path, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain(contentType);
    const text = await response.text();
    for (const name of [
      "bii_d1_requests_total",
      "bii_card_requests",
      "bii_event_streams_open",
      "bii_process_cpu_seconds_total",
    ])
      expect(text).toContain(name);
  }
  await request.dispose();
});

test("a teller calling the admin create-branch action with valid input changes nothing", async ({
  playwright,
  baseURL,
}) => {
  const teller = await as("teller", playwright, baseURL ?? "");
  const admin = await as("admin", playwright, baseURL ?? "");
  const action = serverActions().find((a) => a.name === "createBranchAction")!;
  const input = { code: "HACK1", name: "Not a branch", address: "", timezone: "UTC" };
  const call = await callAction(teller, action, [input]);
  expect(resultCode(call.body)).toBe("forbidden:action");
  const users = await admin.get("/api/admin/users");
  expect(users.status()).toBe(200);
  const adminPage = await admin.get("/admin");
  expect(await adminPage.text()).not.toContain("HACK1");
  await teller.dispose();
  await admin.dispose();
});

test("a manager cannot change another branch's default station", async ({ playwright, baseURL }) => {
  const downtown = await as("manager", playwright, baseURL ?? "");
  const riverside = await as("managerRiverside", playwright, baseURL ?? "");
  type Stations = { stations: { id: string; branchId: string; isDefault: boolean; enabled: boolean }[] };
  const theirs = (await (await riverside.get("/api/manager/stations")).json()) as Stations;
  const ours = (await (await downtown.get("/api/manager/stations")).json()) as Stations;
  expect(ours.stations.some((s) => theirs.stations.some((t) => t.id === s.id))).toBe(false);

  const target = theirs.stations.find((s) => !s.isDefault && s.enabled)!;
  const action = serverActions().find((a) => a.name === "setDefaultStationAction")!;
  const call = await callAction(downtown, action, [{ stationId: target.id }]);
  expect(resultCode(call.body)).toBe("forbidden:branch");

  const after = (await (await riverside.get("/api/manager/stations")).json()) as Stations;
  expect(after.stations.find((s) => s.id === target.id)?.isDefault).toBe(false);
  await downtown.dispose();
  await riverside.dispose();
});

test("a manager cannot register another branch's station id, and a taken id names no branch", async ({
  playwright,
  baseURL,
}) => {
  const downtown = await as("manager", playwright, baseURL ?? "");
  const riverside = await as("managerRiverside", playwright, baseURL ?? "");
  const action = serverActions().find((a) => a.name === "registerStationAction")!;
  // The pentest's case: Downtown's free id BR001-PS-09 registered from Riverside.
  const stolen = await callAction(riverside, action, [{ persoStation: "BR001-PS-09", label: "Stolen printer" }]);
  expect(resultCode(stolen.body)).toBe("conflict:station");
  expect(stolen.body).toContain("match BR002-PS-*");
  type Stations = { stations: { persoStation: string }[] };
  for (const who of [downtown, riverside]) {
    const { stations } = (await (await who.get("/api/manager/stations")).json()) as Stations;
    expect(stations.some((s) => s.persoStation === "BR001-PS-09")).toBe(false);
  }
  const taken = await callAction(downtown, action, [{ persoStation: "BR001-PS-01", label: "Copy" }]);
  expect(resultCode(taken.body)).toBe("conflict:station");
  expect(taken.body).toContain("This station id is already registered.");
  expect(taken.body).not.toMatch(/Downtown|Riverside|BR001|BR002/);
  await downtown.dispose();
  await riverside.dispose();
});

test("a manager of another branch is refused every branch-scoped route and action", async ({ playwright, baseURL }) => {
  const downtown = await as("manager", playwright, baseURL ?? "");
  const riverside = await as("managerRiverside", playwright, baseURL ?? "");
  type Stations = { stations: { id: string; branchId: string; isDefault: boolean; enabled: boolean }[] };
  const ours = (await (await downtown.get("/api/manager/stations")).json()) as Stations;
  const branchId = ours.stations[0]!.branchId;
  for (const path of [
    "/api/manager/board",
    "/api/manager/stations/health",
    "/api/manager/approvals",
    "/api/manager/stock",
  ]) {
    expect((await downtown.get(`${path}?branchId=${branchId}`)).status(), path).toBe(200);
    const refused = await riverside.get(`${path}?branchId=${branchId}`);
    expect(refused.status(), path).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe("forbidden:branch");
  }
  const target = ours.stations.find((s) => !s.isDefault && s.enabled)!;
  const action = serverActions().find((a) => a.name === "setStationEnabledAction")!;
  const call = await callAction(riverside, action, [{ stationId: target.id, enabled: false, confirm: true }]);
  expect(resultCode(call.body)).toBe("forbidden:branch");
  const after = (await (await downtown.get("/api/manager/stations")).json()) as Stations;
  expect(after.stations.find((s) => s.id === target.id)?.enabled).toBe(true);
  const move = serverActions().find((a) => a.name === "moveStationRequestsAction")!;
  const other = ours.stations.find((s) => s.id !== target.id && s.enabled)!;
  const moved = await callAction(riverside, move, [{ stationId: target.id, toStationId: other.id }]);
  expect(resultCode(moved.body)).toBe("forbidden:branch");
  await downtown.dispose();
  await riverside.dispose();
});

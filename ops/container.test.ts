// Docker does not run on the test machines, so the image's and compose's essentials are read
// from the files themselves: what would be a quiet mistake in production (root, no health
// check, a server started differently from the tests', D1's paths without the client
// certificate) fails here. That the standalone server answers as the image starts it is
// proven by every e2e run (e2e/serve.ts, e2e/container.api.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { standaloneEnv } from "@/scripts/lib/standalone";
import { dockerfile, healthcheckCommand, nginxBlocks, type NginxBlock } from "./container-files";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
// js-yaml comes with graphile-worker (cosmiconfig); typed here for the little we use.
const yaml = createRequire(import.meta.url)("js-yaml") as { load(text: string): unknown };

type Service = {
  image?: string;
  env_file?: string[];
  build?: { target?: string };
  command?: string[];
  environment?: Record<string, string>;
  read_only?: boolean;
  tmpfs?: string[];
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
  ports?: string[];
  volumes?: string[];
  restart?: string;
  stop_grace_period?: string;
  networks?: { default?: { ipv4_address?: string } };
};
// Read as `docker compose` would with .env setting the variables it asks for.
const interpolated = read("compose.yaml").replace(/\$\{(\w+)(?::\?[^}]*)?\}/g, "from-dot-env");
const compose = yaml.load(interpolated) as { services: Record<string, Service> };
const services = compose.services;

describe("Dockerfile", () => {
  const stages = dockerfile(read("Dockerfile"));
  const runtime = stages.at(-1)!;

  it("builds on Node 24 slim in stages, the server last (the default target)", () => {
    expect(stages.map((s) => s.name)).toEqual(["deps", "build", "tools", "runtime"]);
    expect(read("Dockerfile")).toMatch(/^ARG NODE_IMAGE=node:24-slim$/m);
    for (const stage of stages) expect(["${NODE_IMAGE}", "deps"]).toContain(stage.from);
  });

  it("runs the standalone server as a numeric non-root user, with the same settings as the tests", () => {
    expect(runtime.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(runtime.cmd).toEqual(["node", "server.js"]);
    expect(runtime.env).toMatchObject({
      ...standaloneEnv({ port: 3000, host: "0.0.0.0", nodeOptions: undefined }),
      PORT: "3000",
    });
    // public/ and .next/static beside server.js, as scripts/lib/standalone.ts lays them out.
    expect(runtime.copies).toEqual(
      expect.arrayContaining([
        "--from=build /src/.next/standalone ./",
        "--from=build /src/.next/static ./.next/static",
        "--from=build /src/public ./public",
      ]),
    );
  });

  it("checks /api/health with Node's fetch (no curl in the slim image)", () => {
    const command = healthcheckCommand(read("Dockerfile"));
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/api/health");
    expect(command.join(" ")).not.toMatch(/curl|wget/);
  });

  it("has migrations as a command of their own, and keeps secrets and local data out of the build", () => {
    expect(stages.find((s) => s.name === "tools")?.cmd).toEqual(["node_modules/.bin/tsx", "scripts/migrate.ts"]);
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", ".next", ".data", ".env", ".env.*", ".git"]) expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  const apps = ["app1", "app2", "app3"];

  it("runs PostgreSQL 17 and a one-shot migration before three instances of the server image", () => {
    expect(services.postgres?.image).toBe("postgres:17");
    expect(services.migrate).toMatchObject({ build: { target: "tools" }, restart: "no" });
    expect(services.migrate?.command).toContain("scripts/migrate.ts");
    // lib/env.ts checks every setting at start, in production AUTH_SECRET too: the same .env.
    for (const name of ["migrate", "worker", ...apps]) expect(services[name]?.env_file, name).toEqual([".env"]);
    for (const name of apps) {
      const app = services[name]!;
      expect(app.build?.target).toBe("runtime");
      expect(app.depends_on?.migrate?.condition).toBe("service_completed_successfully");
      expect(app.read_only).toBe(true);
      expect(app.tmpfs).toEqual(expect.arrayContaining(["/tmp", "/app/.next/cache"]));
      // The settings the instances get are valid ones (the .env file adds the bank's own).
      const settings = { ...app.environment, AUTH_SECRET: "x".repeat(32) };
      const env = loadEnv({ ...settings, NODE_ENV: "production" });
      // docker stop waits this long before SIGKILL: the graceful shutdown must fit in it.
      expect(parseInt(app.stop_grace_period!, 10)).toBeGreaterThan(env.SHUTDOWN_GRACE_SECONDS);
      expect(env.WORKER_IN_APP).toBe(false);
    }
    expect(Object.keys(services).filter((n) => services[n]!.build?.target === "runtime")).toEqual(apps);
  });

  it("runs the worker apart, and lets only nginx vouch for D1", () => {
    expect(services.worker?.command).toEqual(expect.arrayContaining(["scripts/worker.ts"]));
    expect(services.worker?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    const nginx = services.nginx!;
    expect(nginx.ports).toEqual(["443:443", "8443:8443"]);
    expect(nginx.volumes).toContain("./ops/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
    expect(services.app1?.environment?.TRUSTED_PROXY_ADDRESSES).toBe(nginx.networks?.default?.ipv4_address);
  });

  it("starts Prometheus and Grafana only with the monitoring profile; Prometheus scrapes each instance and the worker with the token", () => {
    for (const name of ["prometheus", "grafana"]) expect(services[name]?.profiles).toEqual(["monitoring"]);
    for (const [name, service] of Object.entries(services))
      if (!["prometheus", "grafana"].includes(name)) expect(service.profiles).toBeUndefined();
    const prometheus = yaml.load(read("ops/prometheus/prometheus.yml")) as {
      rule_files: string[];
      scrape_configs: Array<{
        metrics_path: string;
        authorization: { type: string; credentials_file: string };
        static_configs: Array<{ targets: string[] }>;
      }>;
    };
    expect(prometheus.rule_files).toEqual(["alerts.yml"]);
    const [scrape] = prometheus.scrape_configs;
    expect(scrape).toMatchObject({
      metrics_path: "/api/metrics",
      authorization: { type: "Bearer", credentials_file: "/run/secrets/metrics-token" },
    });
    expect(scrape!.static_configs.flatMap((c) => c.targets)).toEqual(apps.map((a) => `${a}:3000`));
    // The worker makes the D1 orders: its own listener is scraped too, with the token.
    const port = services.worker?.environment?.METRICS_PORT;
    expect(port).toBeDefined();
    expect(services.worker?.environment?.METRICS_HOST).toBe("0.0.0.0");
    const worker = prometheus.scrape_configs.find((c) =>
      c.static_configs.some((t) => t.targets.includes(`worker:${port}`)),
    );
    expect(worker).toMatchObject({
      metrics_path: "/metrics",
      authorization: { type: "Bearer", credentials_file: "/run/secrets/metrics-token" },
    });
    expect(services.prometheus?.volumes).toContain("./secrets/metrics-token:/run/secrets/metrics-token:ro");
  });
});

describe("nginx.conf", () => {
  const http = nginxBlocks(read("ops/nginx/nginx.conf")).find((b) => b.name === "http")!;
  const servers = http.blocks.filter((b) => b.name === "server");
  const listen = (s: NginxBlock) => s.directives.find((d) => d[0] === "listen")?.[1];
  const d1 = servers.find((s) => listen(s) === "8443")!;
  const staff = servers.find((s) => listen(s) === "443")!;
  const d1Paths = "~ ^/(notifications/d1/|authz/d1/)";
  const defaults = loadEnv({});
  const headers = [defaults.D1_NOTIFY_CLIENT_CERT_HEADER, defaults.D1_NOTIFY_CLIENT_SUBJECT_HEADER];

  it("requires D1's client certificate on the port of D1's two paths, and passes its verdict and subject on", () => {
    const has = (block: NginxBlock, ...d: string[]) => block.directives.some((x) => d.every((v, i) => x[i] === v));
    expect(has(d1, "ssl_verify_client", "on")).toBe(true);
    expect(has(d1, "ssl_client_certificate")).toBe(true);
    const location = d1.blocks.find((b) => b.name === "location" && b.args === d1Paths)!;
    const set = Object.fromEntries(
      location.directives.filter((d) => d[0] === "proxy_set_header").map((d) => [d[1]!.toLowerCase(), d[2]]),
    );
    expect(set[headers[0]!]).toBe("$ssl_client_verify");
    expect(set[headers[1]!]).toBe("$ssl_client_s_dn");
    // Everything else on that port: 404.
    expect(d1.blocks.find((b) => b.args === "/")?.directives).toEqual([["return", "404"]]);
  });

  it("keeps D1's paths off the staff door and strips the headers that vouch for D1 there", () => {
    expect(staff.directives.some((d) => d[0] === "ssl_verify_client")).toBe(false);
    expect(staff.blocks.find((b) => b.args === d1Paths)?.directives).toEqual([["return", "404"]]);
    const stripped = staff.directives
      .filter((d) => d[0] === "proxy_set_header" && d[2] === '""')
      .map((d) => d[1]!.toLowerCase());
    expect(stripped).toEqual(expect.arrayContaining([...headers, "x-trusted-proxy-secret"]));
    // No location of the staff door sets headers of its own (that would drop the stripping).
    for (const location of staff.blocks)
      expect(location.directives.some((d) => d[0] === "proxy_set_header")).toBe(false);
  });
});

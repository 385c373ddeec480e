import { defineConfig } from "drizzle-kit";
import { env } from "./lib/env.ts";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: env.DATABASE_URL ?? "postgres://localhost:5432/branch_issuance" },
  strict: true,
  verbose: true,
});

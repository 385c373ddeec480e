import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { createDb, createPool, type Database } from "./client";

const globalForDb = globalThis as unknown as { __bii_pool?: pg.Pool; __bii_db?: Database };

function init(): Database {
  // `next build` loads route modules without a database; the pool never connects there.
  const building = env.NEXT_PHASE === "phase-production-build";
  const url = env.DATABASE_URL ?? (building ? "postgres://127.0.0.1:1/build" : undefined);
  if (!url) {
    throw new Error("DATABASE_URL is not set. Run `npm start`, which provides a local database.");
  }
  // One pool per process, also across Next.js dev hot reloads.
  globalForDb.__bii_pool ??= createPool(url, env.DATABASE_POOL_MAX);
  globalForDb.__bii_db ??= createDb(globalForDb.__bii_pool);
  return globalForDb.__bii_db;
}

export const db: Database = init();
export const pool = (): pg.Pool => db.$client;

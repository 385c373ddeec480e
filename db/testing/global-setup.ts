import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase(process.env.TEST_DATABASE_URL);
  project.provide("databaseUrl", database.url);
  project.provide("databaseServerUrl", database.serverUrl);
  return () => database.dispose();
}

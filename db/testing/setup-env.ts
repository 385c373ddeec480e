import { tmpdir } from "node:os";
import { inject } from "vitest";

// Runs before each test file's imports, so lib/env.ts sees the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// Logs go to a file per test process at debug level, so tests can scan them for card data.
process.env.LOG_LEVEL ??= "debug";
process.env.LOG_FILE ??= `${tmpdir()}/bii-test-logs/${process.pid}.log`;
// Our side of D1 notifications (E5/E6) for the receiver and token endpoint tests.
process.env.D1_ISSUER_ID ??= "ISSUER0001";
process.env.D1_NOTIFY_CLIENT_ID ??= "d1-test-client";
process.env.D1_NOTIFY_CLIENT_SECRET ??= "d1-test-secret-d1-test-secret";

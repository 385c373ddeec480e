// The training simulator (docs/training.md): the D1 simulator of sim/ run inside this app
// instance, for training jobs only. The one module of the app that imports from sim/
// (eslint.config.mjs and layering.test.ts allow exactly this file): training must behave like the
// real thing (the same D1 client, TLS, JWE and notifications as a real card), and the simulator
// is that thing. It listens on 127.0.0.1 at a port the system picks, with a throw-away PKI in a
// temporary directory, no control port, and hands its notifications to `deliver` in-process,
// so nothing of training ever leaves the process or reaches the bank's D1.
import "server-only";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createD1Client, type D1Client } from "@/lib/d1";
import { log } from "@/lib/log";
import type { TrainingFault } from "@/lib/vocabulary";
import { createSimLogger } from "@/sim/logger";
import { ensureDevPki } from "@/sim/pki";
import { startSimulator } from "@/sim/server";
import type { OperationNotification, StationFaultKind, StationTimings } from "@/sim/types";

/** Our issuer id at the training simulator: not the bank's (a training card id never goes there). */
export const TRAINING_ISSUER_ID = "TRAINING01";

export type TrainingNotification = OperationNotification;

export type TrainingSimulatorOptions = {
  /** Applies the simulator's notifications, as the receiver would (lib/training/deps.ts). */
  deliver: (operations: TrainingNotification[]) => Promise<void>;
  /** Station timings; the simulator's defaults (card ready in 1.5 s, done in 4 s) otherwise. */
  timings?: Partial<StationTimings>;
  /** Per-call timeout of the training D1 client (what a "no answer" drill waits). */
  timeoutMs?: number;
};

export type TrainingSimulator = {
  /** A D1 client of its own, pointed at the training simulator; it counts in no D1 metric. */
  d1: D1Client;
  /** Makes the station known to the simulator and applies a drill's fault to its next order. */
  prepareOrder(persoStation: string, fault: TrainingFault | null): void;
  /** How many card orders (E2) the simulator took: the tests' proof that training reached it. */
  ordersReceived(): number;
  stop(): Promise<void>;
};

const STATION_FAULTS: Partial<Record<TrainingFault, StationFaultKind>> = {
  jam: "jam",
  chip: "chipWriteFail",
  out_of_blanks: "outOfStock",
};
const ORDER_FAULTS = { d1_500: "http500", d1_429: "http429", d1_timeout: "hang" } as const;

export async function startTrainingSimulator(options: TrainingSimulatorOptions): Promise<TrainingSimulator> {
  const dir = await mkdtemp(path.join(tmpdir(), "bii-training-pki-"));
  const pki = await ensureDevPki({ dir, issuerId: TRAINING_ISSUER_ID });
  const sim = await startSimulator({
    pki,
    host: "127.0.0.1",
    port: 0,
    adminPort: false,
    logger: createSimLogger("warn"),
    notify: { deliver: options.deliver, maxAttempts: 5, baseDelayMs: 500 },
    // Stations are added as trainees use them (prepareOrder), under the bank's own station ids.
    stations: [],
    ...(options.timings ? { timings: options.timings } : {}),
  });
  const read = (file: string) => readFile(file, "utf8");
  const d1 = createD1Client(
    {
      issuerId: TRAINING_ISSUER_ID,
      bankingUrl: sim.bankingUrl,
      authzUrl: `${sim.url}/authz/v1`,
      tls: {
        cert: await read(pki.issuerClient.certPath),
        key: await read(pki.issuerClient.keyPath),
        ca: await read(pki.ca.certPath),
      },
      signing: { privateKeyPem: await read(pki.issuerSigning.privateKeyPath), kid: pki.issuerSigning.kid },
      encryption: { publicKeyPem: await read(pki.simEncryption.publicKeyPath), kid: pki.simEncryption.kid },
      // The simulator's cancel route, so a trainee's cancel stops the card as it would at D1.
      cancelPath: "/issuers/{issuerId}/physicalCards/{cardId}/operations:cancel",
      timeoutMs: options.timeoutMs ?? 5_000,
      // One try per run: a D1 drill then shows as one failed run (the job says it retries), as a
      // longer outage shows at the real D1.
      maxAttempts: 1,
      retry: { baseDelayMs: 200, maxDelayMs: 1_000, maxRetryAfterMs: 2_000 },
    },
    { logger: log.child({ part: "training-d1" }), recordMetrics: false },
  );
  const { core } = sim;
  log.info({ event: "training_simulator_started", port: sim.port }, "training simulator started on 127.0.0.1");
  return {
    d1,
    prepareOrder(persoStation, fault) {
      const station = core.stations.get(persoStation) ?? core.stations.add({ persoStation, branchCode: "TRAINING" });
      // Each order finds the station as its drill says: offline for an "offline" drill, else online.
      core.stations.update(station, { state: fault === "offline" ? "OFFLINE" : "ONLINE" });
      if (!fault) return;
      const stationFault = STATION_FAULTS[fault];
      if (stationFault) core.stations.addFault(station, stationFault, 1);
      if (fault in ORDER_FAULTS) {
        const mode = ORDER_FAULTS[fault as keyof typeof ORDER_FAULTS];
        core.orderFaults.add({ mode, count: 1, persoStation, ...(mode === "http429" ? { retryAfterSeconds: 1 } : {}) });
      }
      const faults = core.notifier.faults;
      if (fault === "notification_drop") faults.dropNext++;
      if (fault === "notification_duplicate") faults.duplicateNext++;
      if (fault === "notification_delay") {
        faults.delayNext++;
        faults.delayMs = 10_000;
      }
    },
    ordersReceived: () => core.orders.counters.ordersReceived,
    async stop() {
      await d1.close();
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// What a training job uses instead of the outside world (docs/training.md): the training
// simulator (lib/training/simulator.ts) for D1, started in this instance on first use, and a
// simulated card system of its own. A training job never reaches the bank's D1 client or card
// system: submit.ts, cancel and move, hand-over and reconciliation pick these for it.
import "server-only";
import { db } from "@/db";
import { applyD1StatusUpdates } from "@/db/queries/job-updates";
import { claimTrainingFault } from "@/db/queries/training";
import type { CardSystem } from "@/lib/card-system/card-system";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { isRetryableD1Error } from "@/lib/d1/errors";
import { log } from "@/lib/log";
import { toStatusUpdates } from "@/lib/notifications/to-updates";
import { notificationSchema } from "@/lib/validations/notification";
import type { IssuanceDeps } from "@/lib/issuance/deps";
import { startTrainingSimulator, type TrainingSimulator, type TrainingSimulatorOptions } from "./simulator";

type Holder = { __bii_training?: Promise<TrainingSimulator>; __bii_training_cards?: CardSystem };
const holder = globalThis as unknown as Holder;
let settings: Omit<TrainingSimulatorOptions, "deliver"> = {};

/** Tests: the timings of the training simulator started next (call before its first use). */
export function configureTrainingSimulator(options: Omit<TrainingSimulatorOptions, "deliver">): void {
  settings = options;
}

/**
 * The training simulator's notifications, applied as the receiver applies D1's (the same
 * validation and the same statement), to training jobs only, and counted in no metric: training
 * is no D1 traffic.
 */
export async function deliverTrainingNotification(operations: unknown[]): Promise<void> {
  const parsed = notificationSchema.parse({ operations });
  const { updates } = toStatusUpdates(parsed.operations);
  await applyD1StatusUpdates({ db, updates, training: true });
}

/** This instance's training simulator, started on first use. */
export function trainingSimulator(): Promise<TrainingSimulator> {
  holder.__bii_training ??= startTrainingSimulator({ ...settings, deliver: deliverTrainingNotification }).catch(
    (error: unknown) => {
      holder.__bii_training = undefined;
      log.error({ err: error }, "training simulator could not start");
      throw error;
    },
  );
  return holder.__bii_training;
}

/** Whether this instance started its training simulator (reconciliation asks only then). */
export function trainingStarted(): boolean {
  return holder.__bii_training !== undefined;
}

/** Stops this instance's training simulator, if it was started (shutdown, tests). */
export async function stopTrainingSimulator(): Promise<void> {
  const running = holder.__bii_training;
  holder.__bii_training = undefined;
  await (await running?.catch(() => null))?.stop();
}

/** A simulated card system for training cards only (fake PANs, kept in memory). */
export function trainingCardSystem(): CardSystem {
  holder.__bii_training_cards ??= new SimulatedCardSystem({ seed: "training" });
  return holder.__bii_training_cards;
}

/**
 * The deps a training job is submitted with: each order first takes the drill due at its station
 * (training_faults, one statement, whichever instance submits) and sets it up in the simulator.
 */
export async function trainingIssuanceDeps(): Promise<IssuanceDeps> {
  const sim = await trainingSimulator();
  return {
    cardSystem: trainingCardSystem(),
    isRetryable: isRetryableD1Error,
    d1: {
      async orderInstantCard(input) {
        const fault = await claimTrainingFault({ db, persoStation: input.persoStation });
        if (fault) log.info({ persoStation: input.persoStation, fault }, "training drill applied to an order");
        sim.prepareOrder(input.persoStation, fault);
        return sim.d1.orderInstantCard(input);
      },
      getProductionStatus: (cardId) => sim.d1.getProductionStatus(cardId),
    },
  };
}

/** Cancel and move of a training job ask the training simulator, never D1. */
export function trainingCancelDeps() {
  return {
    d1: {
      cancelProduction: async (cardId: string) => (await trainingSimulator()).d1.cancelProduction(cardId),
      getProductionStatus: async (cardId: string) => (await trainingSimulator()).d1.getProductionStatus(cardId),
    },
  };
}

import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed-data.ts";

export type Persona = "teller" | "manager" | "admin" | "tellerRiverside" | "managerRiverside";

const email: Record<Persona, string> = {
  teller: "teller@downtown.demo",
  manager: "manager@downtown.demo",
  admin: "admin@downtown.demo",
  tellerRiverside: "teller@riverside.demo",
  managerRiverside: "manager@riverside.demo",
};

export const PERSONAS = Object.keys(email) as Persona[];

export function persona(p: Persona) {
  const user = DEMO_USERS.find((u) => u.email === email[p]);
  if (!user) throw new Error(`no demo user for ${p}`);
  return { ...user, password: DEMO_PASSWORD };
}

export const storageState = (p: Persona) => `e2e/.auth/${p}.json`;

export const HOME_PATH = { teller: "/teller", manager: "/manager", admin: "/admin" } as const;

// What every benchmark gets: the options, the database, the simulator, the first app instance
// and signed-in sessions (made once, on demand).
import type { Options } from "./args";
import { signIn } from "./session";
import type { App, Db, Sim } from "./stack";

export type Context = {
  opts: Options;
  dir: string;
  database: Db;
  sim: Sim;
  app: App;
  /** Session cookie of the Downtown teller (SSE, search, issue). */
  tellerCookie: () => Promise<string>;
};

export function makeContext(base: Omit<Context, "tellerCookie">): Context {
  let cookie: Promise<string> | null = null;
  return {
    ...base,
    tellerCookie: () => (cookie ??= signIn(base.app.url, "teller@downtown.demo")),
  };
}

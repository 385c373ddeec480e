import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed-data";
import { ROLE_LABEL } from "@/lib/auth/roles";

/** Shown only in demo mode (npm start on embedded defaults), never with a bank's settings. */
export function DemoSignIns() {
  return (
    <section aria-labelledby="demo-heading" className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-sm">
      <h2 id="demo-heading" className="font-semibold">
        Demo sign-ins
      </h2>
      <p className="mt-1 text-slate-700">
        Every demo account uses the password <code className="font-mono">{DEMO_PASSWORD}</code>.
      </p>
      <ul className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2">
        {DEMO_USERS.map((u) => (
          <li key={u.email}>
            <span className="font-mono">{u.email}</span>
            <span className="text-slate-600"> · {ROLE_LABEL[u.role]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

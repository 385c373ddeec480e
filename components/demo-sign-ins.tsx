import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/vocabulary";

/**
 * Shown only in demo mode (npm start on embedded defaults), never with a bank's settings. The
 * page passes the seed's accounts in, so the component imports no values from db/.
 */
export async function DemoSignIns({
  password,
  users,
}: {
  password: string;
  users: ReadonlyArray<{ email: string; role: Role }>;
}) {
  const t = await getTranslations();
  return (
    <section
      aria-labelledby="demo-heading"
      className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-sm"
    >
      <h2 id="demo-heading" className="font-semibold">
        {t("Demo.title")}
      </h2>
      <p className="mt-1 text-slate-700">
        {t.rich("Demo.password", { password: () => <code className="font-mono">{password}</code> })}
      </p>
      <ul className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2">
        {users.map((u) => (
          <li key={u.email}>
            <span className="font-mono">{u.email}</span>
            <span className="text-slate-600"> · {t(`Roles.${u.role}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

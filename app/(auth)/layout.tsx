import type { ReactNode } from "react";

// Top-aligned, not centred: a message that appears (a wrong password) then grows the page
// downwards instead of moving the form it belongs to.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 pt-[12vh] pb-12">
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}

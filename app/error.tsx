"use client";

import { Button } from "@/components/ui/button";

/** Shown instead of a stack trace; the server log has the details under the digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        Nothing you entered was lost on our side. Try again; if it keeps happening, give this reference to support:{" "}
        <code className="font-mono">{error.digest ?? "n/a"}</code>.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}

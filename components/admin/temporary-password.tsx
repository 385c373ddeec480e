"use client";

import { useEffect, useRef } from "react";

/** The one time a temporary password is shown: focused, announced, and never stored. */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [password]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-950"
    >
      <p>
        Temporary password for <strong>{email}</strong>. Give it to them in person; it is shown only now. They must
        choose their own at the next sign-in.
      </p>
      <p className="mt-2">
        <code
          data-testid="temporary-password"
          className="rounded bg-white px-2 py-1 font-mono text-lg tracking-wide select-all"
        >
          {password}
        </code>
      </p>
    </div>
  );
}

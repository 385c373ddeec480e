// Next.js 16 resolves this nested app's proxy and instrumentation from the repository root unless
// the app has its own: these no-ops keep the baseline free of the real app's auth proxy and worker.
import { NextResponse } from "next/server";

export default function proxy(): NextResponse {
  return NextResponse.next();
}

export const config = { matcher: ["/__bench_never__"] };

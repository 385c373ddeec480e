// The D1 simulator's control API, for tests that inject faults and read its counters.
import { SIM_ADMIN_URL } from "./config";

export async function sim<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SIM_ADMIN_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Cards the simulator started producing for one request (by its issuerRequestId). */
export async function productionsFor(issuerRequestId: string): Promise<number> {
  const counters = await sim<{ productionsStartedByIssuerRequestId: Record<string, number> }>("GET", "/counters");
  return counters.productionsStartedByIssuerRequestId[issuerRequestId] ?? 0;
}

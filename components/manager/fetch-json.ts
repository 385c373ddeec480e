/** Reads a manager route's JSON, turning a refusal into an error with the route's own message. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? "The data could not be loaded. Reload the page to try again.");
  }
  return (await response.json()) as T;
}

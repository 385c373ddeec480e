/**
 * Reads a manager route's JSON, turning a refusal into an error with the route's own message (in
 * the user's language); without one the error's message is empty and the screen says its own
 * words (Board.loadFailed).
 */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? "");
  }
  return (await response.json()) as T;
}

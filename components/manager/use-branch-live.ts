"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";

export type LiveStatus = "connecting" | "live" | "polling";

/**
 * Keeps queries fresh from the branch's event stream: every job event marks them stale, at most
 * once a second so a burst of events costs one refetch. Admins have no branch stream (it is per
 * branch for tellers and managers), so for them `live` is false and the queries poll instead.
 */
export function useBranchLive(keys: QueryKey[], live: boolean): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(live ? "connecting" : "polling");
  const keyText = JSON.stringify(keys);

  useEffect(() => {
    if (!live || typeof EventSource === "undefined") return;
    const parsed = JSON.parse(keyText) as QueryKey[];
    const source = new EventSource("/api/events/stream");
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = null;
        for (const key of parsed) void client.invalidateQueries({ queryKey: key });
      }, 1000);
    };
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus("connecting");
    source.addEventListener("job", refresh);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [client, keyText, live]);

  return status;
}

export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? "The data could not be loaded. Reload the page to try again.");
  }
  return (await response.json()) as T;
}

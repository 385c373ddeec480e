import { QueryClient } from "@tanstack/react-query";

/** The one TanStack Query client factory. Live updates write into this cache (see lib/events). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

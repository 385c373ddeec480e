"use client";

// Opens a screen's live channel once and shares its status with the badge (and anything else
// below that needs it); the screens' queries follow the events through their `meta.live`.
import { createContext, useContext, type ReactNode } from "react";
import { useLiveEvents, type LiveChannel, type LiveOptions } from "./use-live-events";

const LiveContext = createContext<LiveChannel>({ status: "connecting", pollSeconds: 3 });
export const useLiveChannel = () => useContext(LiveContext);

export function LiveEvents({ children, ...options }: LiveOptions & { children: ReactNode }) {
  const channel = useLiveEvents(options);
  return <LiveContext.Provider value={channel}>{children}</LiveContext.Provider>;
}

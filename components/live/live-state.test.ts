import { describe, expect, it } from "vitest";
import { EventCursor, INITIAL_LIVE_STATE, nextLiveState, pollsIn, type LiveInput, type LiveState } from "./live-state";

const run = (...inputs: LiveInput[]): LiveState => inputs.reduce(nextLiveState, INITIAL_LIVE_STATE);
const open = { type: "stream-open" } as const;
const dropped = { type: "stream-error", closed: false } as const;
const refused = { type: "stream-error", closed: true } as const;
const pollOk = { type: "poll-ok" } as const;
const pollFailed = { type: "poll-failed" } as const;

describe("the live channel's status", () => {
  it("is live once the stream opens and stays live while the browser reconnects a dropped stream", () => {
    expect(run(open).status).toBe("live");
    expect(run(open, dropped).status).toBe("live");
    expect(run(open, dropped, open).status).toBe("live");
  });

  it("polls when the stream is refused or never opens, and goes live again when it opens", () => {
    expect(run(refused).status).toBe("polling");
    expect(run(dropped).status).toBe("polling");
    expect(run(open, refused).status).toBe("polling");
    expect(run(refused, pollOk, dropped).status).toBe("polling");
    expect(run(refused, pollOk, open).status).toBe("live");
    expect(pollsIn("polling")).toBe(true);
    expect(pollsIn("live")).toBe(false);
  });

  it("polls when a dropped live stream stalls", () => {
    expect(run(open, dropped, { type: "stream-stalled" }).status).toBe("polling");
    // A stall timer firing after the stream came back changes nothing.
    expect(nextLiveState(run(refused), { type: "stream-stalled" }).status).toBe("polling");
  });

  it("says offline after failed polls in a row or when the browser goes offline, and recovers", () => {
    expect(run(refused, pollFailed).status).toBe("polling");
    expect(run(refused, pollFailed, pollFailed).status).toBe("offline");
    expect(run(refused, pollFailed, pollOk, pollFailed).status).toBe("polling");
    expect(run(refused, pollFailed, pollFailed, pollOk).status).toBe("polling");
    expect(pollsIn("offline")).toBe(true);
    expect(run(open, { type: "network-offline" }).status).toBe("offline");
    expect(run(open, { type: "network-offline" }, dropped).status).toBe("offline");
    expect(run(open, { type: "network-offline" }, { type: "network-online" }).status).toBe("connecting");
    expect(run(open, { type: "network-offline" }, { type: "network-online" }, open).status).toBe("live");
  });

  it("ignores the result of a poll that was in flight when the stream opened", () => {
    expect(run(refused, open, pollFailed, pollFailed).status).toBe("live");
    expect(run(refused, open, pollOk).status).toBe("live");
  });
});

describe("the resume cursor", () => {
  it("starts at the render point, follows the newest id and drops repeats", () => {
    const cursor = new EventCursor(10);
    expect(cursor.last).toBe(10);
    expect(cursor.accept(12)).toBe(true);
    // An event that committed late has a lower id: it is new, but does not move the cursor back.
    expect(cursor.accept(11)).toBe(true);
    expect(cursor.last).toBe(12);
    expect(cursor.accept(12)).toBe(false);
    expect(cursor.accept(11)).toBe(false);
  });

  it("keeps its memory bounded and still moves forwards", () => {
    const cursor = new EventCursor(0);
    for (let id = 1; id <= 5_000; id++) expect(cursor.accept(id)).toBe(true);
    expect(cursor.last).toBe(5_000);
    expect(cursor.accept(5_000)).toBe(false);
  });
});

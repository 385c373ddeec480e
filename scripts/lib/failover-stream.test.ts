import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { until } from "@/test-support/until";
import { freePort } from "@/db/testing/database";
import { FailoverStreamClient } from "./failover-stream";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** An instance's event stream: answers each request with `respond`, given its Last-Event-ID. */
async function instance(respond: (lastEventId: string | undefined, res: http.ServerResponse) => void) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    respond(req.headers["last-event-id"] as string | undefined, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const frame = (id: number) =>
  `id: ${id}\nevent: job\ndata: ${JSON.stringify({ jobId: `job-${id}`, state: "done" })}\n\n`;

describe("the cluster test's stream client", () => {
  it("resumes on the next instance with Last-Event-ID after the server's retry, passing over a refused one", async () => {
    const resumedWith: Array<string | undefined> = [];
    // The first instance sends one event and ends the stream, as an instance that goes away does.
    const first = await instance((_, res) => res.end(`retry: 50\n: live\n\n${frame(5)}`));
    const gone = `http://127.0.0.1:${await freePort()}`;
    const third = await instance((lastEventId, res) => {
      resumedWith.push(lastEventId);
      res.write(`: live\n\n${frame(6)}`);
    });
    const client = new FailoverStreamClient(
      { urls: [first, gone, third], isLeaving: (url) => url !== third },
      "c=1",
      0,
    );
    client.start();
    try {
      await until(() => client.events.length === 2 && client.live, "the stream to resume on the third instance");
      expect(client.events.map((e) => e.id)).toEqual([5, 6]);
      expect(resumedWith).toEqual(["5"]);
      expect(client.current).toBe(third);
      expect({ cut: client.cut, refused: client.refused, errors: client.errors }).toEqual({
        cut: 0,
        refused: 1,
        errors: [],
      });
      expect(client.reconnects).toHaveLength(1);
      expect(client.reconnects[0]).toMatchObject({ from: first });
      expect(client.reconnects[0]!.ms).toBeGreaterThanOrEqual(50);
    } finally {
      client.close();
    }
  });

  it("counts a failure at an instance that is not leaving as an error", async () => {
    const healthy = await instance((_, res) => res.end(`retry: 50\n: live\n\n${frame(1)}`));
    const down = `http://127.0.0.1:${await freePort()}`;
    const client = new FailoverStreamClient({ urls: [healthy, down], isLeaving: () => false }, "c=1", 0);
    client.start();
    try {
      await until(() => client.errors.length > 0, "the refused connect to be counted");
      expect(client.errors[0]).toContain(`${down}: connect failed`);
    } finally {
      client.close();
    }
  });
});

// A CSV download streamed in keyset batches, so an export of any size never sits in memory.
// Shared by the audit log and customer access log exports.
import { log } from "@/lib/log";
import { CSV_BOM, csvRow } from "./csv";

type Batch<C> = { rows: unknown[][]; next: C | undefined };

export function csvResponse<C>({
  name,
  filename,
  header,
  batch,
}: {
  /** For the log, e.g. admin.audit.export. */
  name: string;
  filename: string;
  header: string[];
  /** The rows after `cursor` (undefined: the first batch); `next` undefined ends the file. */
  batch: (cursor: C | undefined) => Promise<Batch<C>>;
}): Response {
  const encoder = new TextEncoder();
  let cursor: C | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${CSV_BOM}${csvRow(header)}`));
      }
      let result: Batch<C>;
      try {
        result = await batch(cursor);
      } catch (error) {
        // Headers are sent already: end the download as failed rather than silently short.
        log.error({ route: name, err: error }, "CSV export failed mid-stream");
        controller.error(error);
        return;
      }
      controller.enqueue(encoder.encode(result.rows.map(csvRow).join("")));
      if (result.next === undefined) controller.close();
      else cursor = result.next;
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

// npx tsx scripts/heap-diff.ts before.heapsnapshot after.heapsnapshot [--top 40] [--per N] [--by count]
// Compares two V8 heap snapshots by constructor: how many objects of each kind, and how many
// bytes they hold themselves (self size), grew or shrank between the two. Enough to tell
// whether something is kept per stream, per frame or per card: divide the count delta by the
// number of streams, frames or cards in between (--per N prints that ratio).
// Take the snapshots from a running app with `node --heapsnapshot-signal=SIGUSR2` (see
// docs/performance.md, "Finding a leak"); each file is parsed whole, so a 200 MB snapshot needs
// about 1.5 GB here (the script raises its own heap limit when started through tsx).
import { readFileSync } from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};

export type Summary = Map<string, { count: number; size: number }>;

/** Objects by constructor (or by V8 node type for strings, code, closures' contexts…). */
export function summarise(snapshot: Snapshot): Summary {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const out: Summary = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    const name = snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    // Objects and closures by their name; everything else (strings, arrays, code…) by type,
    // since a string's "name" is its content.
    const key =
      type === "object" || type === "native" ? name : type === "closure" ? `${name || "(anonymous)"}()` : `(${type})`;
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snapshot.nodes[i + sizeAt]!;
    out.set(key, entry);
  }
  return out;
}

export type Delta = { name: string; count: number; size: number; countAfter: number; sizeAfter: number };

export function compare(before: Summary, after: Summary): Delta[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .map((name) => {
      const b = before.get(name) ?? { count: 0, size: 0 };
      const a = after.get(name) ?? { count: 0, size: 0 };
      return { name, count: a.count - b.count, size: a.size - b.size, countAfter: a.count, sizeAfter: a.size };
    })
    .sort((x, y) => Math.abs(y.size) - Math.abs(x.size));
}

function main(argv: string[]): void {
  const files = argv.filter((a, i) => !a.startsWith("--") && !argv[i - 1]?.startsWith("--"));
  const option = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  if (files.length !== 2) {
    console.error("usage: tsx scripts/heap-diff.ts before.heapsnapshot after.heapsnapshot [--top 40] [--per N]");
    process.exit(2);
  }
  const load = (file: string) => summarise(JSON.parse(readFileSync(file, "utf8")) as Snapshot);
  const before = load(files[0]!);
  const after = load(files[1]!);
  const total = (s: Summary) => [...s.values()].reduce((n, e) => n + e.size, 0);
  const per = option("per");
  const top = option("top") ?? 40;
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `self size: ${kb(total(before))} KiB → ${kb(total(after))} KiB (${kb(total(after) - total(before))} KiB)` +
      (per ? `, ${((total(after) - total(before)) / per).toFixed(0)} B per unit of ${per}` : ""),
  );
  console.log(["Δ KiB", "Δ count", per ? "Δ count/unit" : "", "now KiB", "now count", "constructor"].join("\t"));
  const deltas = compare(before, after);
  // --by count: what grew in number (one kind of object per stream shows as a whole ratio).
  if (argv.includes("--by") && argv[argv.indexOf("--by") + 1] === "count") deltas.sort((x, y) => y.count - x.count);
  for (const d of deltas.slice(0, top)) {
    console.log(
      [kb(d.size), d.count, per ? (d.count / per).toFixed(2) : "", kb(d.sizeAfter), d.countAfter, d.name].join("\t"),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));

// Small readers for the Dockerfile and nginx.conf, enough for ops/container.test.ts and the
// e2e check that runs the image's HEALTHCHECK command (e2e/container.api.ts).

export type Stage = {
  name: string;
  from: string;
  user?: string;
  cmd?: string[];
  env: Record<string, string>;
  /** The arguments of each COPY, as written. */
  copies: string[];
};

/** The Dockerfile's instructions, continuation lines joined and comments left out. */
function instructions(text: string): Array<[string, string]> {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const space = line.indexOf(" ");
      return [line.slice(0, space).toUpperCase(), line.slice(space + 1).trim()];
    });
}

export function dockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const [op, args] of instructions(text)) {
    if (op === "FROM") {
      const [from = "", , name = ""] = args.split(/\s+/);
      stages.push({ name, from, env: {}, copies: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue;
    if (op === "USER") stage.user = args;
    if (op === "CMD") stage.cmd = JSON.parse(args) as string[];
    if (op === "COPY") stage.copies.push(args.replace(/\s+/g, " "));
    // KEY=value pairs; a value with spaces is in double quotes (NODE_OPTIONS="--a --b").
    if (op === "ENV")
      for (const [, key = "", quoted, plain] of args.matchAll(/(\w+)=(?:"([^"]*)"|(\S*))/g)) {
        stage.env[key] = quoted ?? plain ?? "";
      }
  }
  return stages;
}

/** The exec form of the (last) HEALTHCHECK's command. */
export function healthcheckCommand(text: string): string[] {
  const check = instructions(text).findLast(([op]) => op === "HEALTHCHECK");
  const json = check?.[1].slice(check[1].indexOf("CMD ") + 4);
  if (!json) throw new Error("no HEALTHCHECK … CMD in the Dockerfile");
  return JSON.parse(json) as string[];
}

export type NginxBlock = { name: string; args: string; directives: string[][]; blocks: NginxBlock[] };

/** nginx.conf as nested blocks of directives (no includes, no quoted braces: ours has neither). */
export function nginxBlocks(text: string): NginxBlock[] {
  const top: NginxBlock = { name: "", args: "", directives: [], blocks: [] };
  const stack = [top];
  let current = "";
  for (const char of text.replace(/#[^\n]*/g, "")) {
    const block = stack.at(-1)!;
    if (char === "{") {
      const [name = "", ...args] = current.trim().split(/\s+/);
      const child: NginxBlock = { name, args: args.join(" "), directives: [], blocks: [] };
      block.blocks.push(child);
      stack.push(child);
      current = "";
    } else if (char === "}") {
      stack.pop();
      current = "";
    } else if (char === ";") {
      const words = current.trim().split(/\s+/);
      if (words[0]) block.directives.push(words);
      current = "";
    } else current += char;
  }
  return top.blocks;
}

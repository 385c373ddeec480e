// A language's messages as dotted keys ("Errors.productInUse" → its text), for the message tests.
type Tree = { [key: string]: string | Tree };

export function flattenMessages(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flattenMessages(value, path)) out.set(k, v);
  }
  return out;
}

// The messages the browser receives: every namespace but those only the server renders (its
// error and field-error sentences, the receipt PDF, CSV headers). They are a third of all
// messages, and the root layout would otherwise send them with every page.
import type { AbstractIntlMessages } from "next-intl";

export const SERVER_ONLY_NAMESPACES = ["Errors", "Validation", "Receipt", "Csv"] as const;

// Every page renders the root layout: the subset is made once per language's messages object.
const subsets = new WeakMap<AbstractIntlMessages, AbstractIntlMessages>();

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  let kept = subsets.get(messages);
  if (!kept) {
    kept = {};
    for (const [namespace, value] of Object.entries(messages)) {
      if (!(SERVER_ONLY_NAMESPACES as readonly string[]).includes(namespace)) kept[namespace] = value;
    }
    subsets.set(messages, kept);
  }
  return kept;
}

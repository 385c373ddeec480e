// The Field's wiring, rendered on the server: label, hint, control and error share ids, and the
// control is described by the hint and the error and marked invalid while there is an error.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, InputField, type FieldControlProps } from "./field";
import { Select } from "./select";
import { Textarea } from "./textarea";

/** Just enough of an HTML reader for these flat fragments: elements by id or tag, with attributes. */
class Markup {
  constructor(private readonly html: string) {}
  element(selector: { id?: string; tag?: string }) {
    const pattern = selector.id
      ? new RegExp(`<(\\w+)([^>]*\\bid="${selector.id}"[^>]*)>([^<]*)`)
      : new RegExp(`<(${selector.tag})\\b([^>]*)>([^<]*)`);
    const match = pattern.exec(this.html);
    if (!match) return null;
    const attributes: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? "").matchAll(/([\w-]+)="([^"]*)"/g))
      if (name) attributes[name] = value ?? "";
    return { tag: match[1], attributes, text: match[3] ?? "" };
  }
}

describe("Field", () => {
  it("links the label, hint and error to the input and marks it invalid while there is an error", () => {
    const html = renderToStaticMarkup(
      h(InputField, {
        id: "product-bin",
        name: "bin",
        label: "BIN",
        hint: "6 to 11 digits.",
        errors: ["Enter the BIN as 6 to 11 digits.", "second"],
      }),
    );
    const doc = new Markup(html);
    expect(doc.element({ tag: "label" })?.attributes.for).toBe("product-bin");
    const input = doc.element({ id: "product-bin" });
    expect(input?.tag).toBe("input");
    expect(input?.attributes.name).toBe("bin");
    expect(input?.attributes["aria-invalid"]).toBe("true");
    expect(input?.attributes["aria-describedby"]).toBe("product-bin-hint product-bin-error");
    expect(doc.element({ id: "product-bin-hint" })?.text).toBe("6 to 11 digits.");
    // Only the first error is shown, in a live region that screen readers announce.
    const error = doc.element({ id: "product-bin-error" });
    expect(error?.text).toBe("Enter the BIN as 6 to 11 digits.");
    expect(error?.attributes["aria-live"]).toBe("polite");
  });

  it("keeps an empty error region when valid, and leaves out the hint it does not have", () => {
    const doc = new Markup(
      renderToStaticMarkup(h(InputField, { id: "email", name: "email", label: "E-mail address" })),
    );
    const input = doc.element({ id: "email" });
    expect(input?.attributes["aria-invalid"]).toBe("false");
    expect(input?.attributes["aria-describedby"]).toBe("email-error");
    expect(doc.element({ id: "email-hint" })).toBeNull();
    // Present before any error, so that the first message is announced when it appears.
    expect(doc.element({ id: "email-error" })?.text).toBe("");
  });

  it("wires a select and a textarea the same way", () => {
    const select = new Markup(
      renderToStaticMarkup(
        h(Field, {
          id: "stationId",
          label: "Personalization station",
          errors: ["Choose one of your branch's stations."],
          children: (control: FieldControlProps) =>
            h(Select, { ...control, name: "stationId" }, h("option", { value: "a" }, "A")),
        }),
      ),
    ).element({ id: "stationId" });
    expect(select?.tag).toBe("select");
    expect(select?.attributes["aria-invalid"]).toBe("true");
    expect(select?.attributes["aria-describedby"]).toBe("stationId-error");

    const textarea = new Markup(
      renderToStaticMarkup(
        h(Field, {
          id: "note",
          label: "Note",
          hint: "Optional.",
          children: (control: FieldControlProps) => h(Textarea, { ...control, name: "note" }),
        }),
      ),
    ).element({ id: "note" });
    expect(textarea?.tag).toBe("textarea");
    expect(textarea?.attributes["aria-invalid"]).toBe("false");
    expect(textarea?.attributes["aria-describedby"]).toBe("note-hint note-error");
  });
});

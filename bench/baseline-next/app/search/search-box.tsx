"use client";

// Baseline for time-to-interactive: one controlled input, hydrated by React, nothing else.
import { useState } from "react";

export function SearchBox() {
  const [text, setText] = useState("");
  return (
    <>
      <label htmlFor="customer-search">Find a customer</label>
      <input id="customer-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
    </>
  );
}

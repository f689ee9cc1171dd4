// A counterexample file's text is untrusted data (docs/security.md): it is refused when it nests
// deeper than any trace does, before anything recurses over it, and its strings are made inert
// before they reach terminals, CI logs or shell suggestions.

import { setOwn } from "../model/layout.js";

/** Deeper JSON than any counterexample holds: refused before anything recurses over it. */
export const MAX_JSON_DEPTH = 200;

/** The offset where `text` (JSON) nests more than `max` arrays and objects deep, or null. */
export function nestingBeyond(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A file's strings and keys with every control character and line terminator written as a
 * visible escape: text from a trace reaches terminals, CI logs (where a line starting with `::`
 * is a workflow command) and shell suggestions, and must never start a line there. */
export function defuse(json: unknown): unknown {
  if (typeof json === "string") return visible(json);
  if (Array.isArray(json)) return json.map(defuse);
  if (typeof json === "object" && json !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) setOwn(out, visible(k), defuse(v));
    return out;
  }
  return json;
}

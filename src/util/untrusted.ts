// Text that comes from outside (event logs, trace files) shown on a terminal or in a log line:
// control characters (CR, LF, ESC, ...), line and paragraph separators, bidi overrides and lone
// surrogates become `\uXXXX`, so a value can never end a line, forge output or drive a terminal.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` with every unsafe character escaped, cut to `max` characters (with `...`). */
export function printable(text: string, max = Infinity): string {
  const cut = text.length > max ? `${text.slice(0, Math.max(0, max - 3))}...` : text;
  return cut.replace(UNSAFE, hex);
}

/** Nesting kept by safeJson; deeper values become the string "...". */
export const MAX_DEPTH = 32;

/** A copy of a JSON value cut at `depth` levels (a parsed line may nest deeper than a recursive
 * JSON.stringify can go). */
export function cutDepth(v: unknown, depth = MAX_DEPTH): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (depth <= 0) return "...";
  if (Array.isArray(v)) return v.map((x) => cutDepth(x, depth - 1));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: cutDepth((v as Record<string, unknown>)[k], depth - 1), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Whether a JSON value nests deeper than `depth` levels (without recursing deeper than that). */
export function deeperThan(v: unknown, depth: number): boolean {
  if (typeof v !== "object" || v === null) return false;
  if (depth <= 0) return true;
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (deeperThan(x, depth - 1)) return true;
  return false;
}

/** JSON text safe for any consumer: JSON.stringify leaves U+2028/2029 (and bidi controls) raw,
 * and recurses as deep as the value goes. */
export function safeJson(value: unknown): string {
  return (JSON.stringify(cutDepth(value)) ?? "null").replace(UNSAFE, hex);
}

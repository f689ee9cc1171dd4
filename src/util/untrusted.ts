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

/** JSON text safe for any consumer: JSON.stringify leaves U+2028/2029 (and bidi controls) raw. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, hex);
}

// Spec text (comments, paths, messages) reaches the generated module only through these. JavaScript
// ends a `//` comment at LF, CR, LS (U+2028) and PS (U+2029), and a `/* */` comment at `*/`; a
// spec comment holding one of them could otherwise make the module run code when imported.

/** Every character that ends a line for JavaScript, an editor or a diff view. */
const LINE_END = /\r\n|[\r\n\u2028\u2029\u0085]/;

/** Text as the lines of `//` comments: split at every line terminator; `*\/` defused for JSDoc. */
export function commentLines(text: string): string[] {
  return text.split(LINE_END).map((l) => l.replace(/\*\//g, "*\\/"));
}

/** A JavaScript literal of a string (or an array of strings): JSON's escapes, plus LS, PS and NEL
 * written as escapes. */
export function jsString(value: string | readonly string[]): string {
  return JSON.stringify(value).replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Throws if generated code holds a line terminator other than LF (a comment or string that was
 * not escaped): the last line of defence, so such a module is never written. */
export function assertPlainLineEnds(code: string): string {
  const m = /[\r\u2028\u2029\u0085]/.exec(code);
  if (m) throw new Error(`internal: generated code holds U+${m[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()} at offset ${m.index}`);
  return code;
}

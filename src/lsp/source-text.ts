// Pieces of a spec's text as hover and completion show them: on one line, without comments; and
// the comments that document a declaration.

import type * as A from "../lang/ast.js";
import type { Span } from "../lang/ast.js";
import { assertNever } from "../util/assert-never.js";

const LONGEST = 200;

/** The text of a span on one line: comments dropped, runs of blanks made one space, cut at 200. */
export function oneLine(text: string, span: Span): string {
  const s = text
    .slice(span.start, span.end)
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return s.length > LONGEST ? s.slice(0, LONGEST - 1) + "…" : s;
}

/** A declaration's first line as written: `var bal: map<Account, Amount> = START`. */
export function declHeader(text: string, d: A.Decl): string {
  const t = (s: Span) => oneLine(text, s);
  switch (d.kind) {
    case "const":
      return `const ${d.name.text} = ${t(d.value.span)}`;
    case "type":
      return `${d.symmetric ? "symmetric " : ""}type ${d.name.text} = ${t(d.type.span)}`;
    case "var":
      return `${d.ghost ? "ghost " : ""}var ${d.name.text}: ${t(d.type.span)} = ${t(d.init.span)}`;
    case "action":
      return `${d.fairness ? `${t(d.fairness.span)} ` : ""}action ${d.name.text}(${params(text, d.params)})${d.by ? ` by ${d.by.name.text}: ${t(d.by.type.span)}` : ""}`;
    case "proc":
      return `proc ${d.name.text}(${params(text, d.params)})`;
    case "def":
      return `def ${d.name.text}(${params(text, d.params)})${d.returnType ? `: ${t(d.returnType.span)}` : ""}`;
    case "invariant":
    case "step":
    case "liveness":
      return `${d.kind} ${d.name.text}: ${t(d.expr.span)}`;
    default:
      return assertNever(d, "declaration");
  }
}

export function params(text: string, ps: readonly A.Param[]): string {
  return ps.map((p) => `${p.name.text}: ${oneLine(text, p.type.span)}`).join(", ");
}

/** The `//` comments on the lines right above a declaration, and one at the end of its first line. */
export function docComment(text: string, start: number): string {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const above: string[] = [];
  let end = lineStart - 1;
  while (end > 0) {
    const from = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(from, end).trim();
    if (!line.startsWith("//")) break;
    above.unshift(line.replace(/^\/\/+ ?/, ""));
    end = from - 1;
  }
  const nl = text.indexOf("\n", start);
  const first = text.slice(start, nl < 0 ? text.length : nl);
  const trailing = /\/\/+ ?(.*)$/.exec(first);
  const lines = [...above, ...(trailing && trailing[1].trim() ? [trailing[1].trim()] : [])];
  return lines.join("\n").trim();
}

/** Markdown's special characters, escaped so a comment reads as written. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, (c) => "\\" + c);
}

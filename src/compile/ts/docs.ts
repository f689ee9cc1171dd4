// Doc comments carried over from the spec: the comment lines right above a declaration (no blank
// line between), and a comment at the end of its last line (`var bal: ... = 3   // wallet balances`).

import type { Span } from "../../lang/ast.js";
import type { SourceFile } from "../../lang/source.js";

function commentText(line: string): string | null {
  const t = line.trim();
  if (!t.startsWith("//")) return null;
  return t.slice(2).replace(/^ /, "").trimEnd();
}

/** The `//` comment lines directly above the line where `start` is, or a `/* ... *\/` block ending there. */
function above(file: SourceFile, start: number): string[] {
  const { line } = file.position(start);
  const out: string[] = [];
  let l = line - 1;
  const prevLine = l >= 1 ? file.lineText(l).trim() : "";
  if (prevLine.endsWith("*/")) {
    const block: string[] = [];
    for (; l >= 1; l--) {
      const text = file.lineText(l);
      block.unshift(text);
      if (text.includes("/*")) break;
    }
    if (l < 1) return [];
    return block
      .join("\n")
      .replace(/^\s*\/\*+/, "")
      .replace(/\*+\/\s*$/, "")
      .split("\n")
      .map((x) => x.replace(/^\s*\* ?/, "").trimEnd())
      .filter((x, i, all) => x !== "" || (i > 0 && i < all.length - 1));
  }
  for (; l >= 1; l--) {
    const c = commentText(file.lineText(l));
    if (c === null) break;
    out.unshift(c);
  }
  return out;
}

/** The comment after the code on the line where `end` is. */
function trailing(file: SourceFile, end: number): string | null {
  const { line, col } = file.position(Math.max(0, end - 1));
  const rest = file.lineText(line).slice(col);
  const m = /^\s*\/\/\s?(.*)$/.exec(rest);
  return m ? m[1].trimEnd() : null;
}

/** The documentation of the declaration at `span`, or undefined. */
export function docOf(file: SourceFile, span: Span): string | undefined {
  const lines = above(file, span.start);
  const t = trailing(file, span.end);
  if (t) lines.push(t);
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.length ? lines.join("\n") : undefined;
}

/** The comment block at the top of the file (before the first line of code). */
export function fileHeader(file: SourceFile): string[] {
  const out: string[] = [];
  for (let l = 1; l <= file.lineCount; l++) {
    const c = commentText(file.lineText(l));
    if (c === null) break;
    out.push(c);
  }
  return out;
}


// Limits on nesting. The parser, checker and compiler recurse over the syntax tree, so input
// nested thousands of levels deep (a generated or corrupted file) would overflow the stack; it
// gets a diagnostic instead. The limits are far beyond what a person writes.

import type { Span, Spec } from "./ast.js";

/** Brackets `( [ {` open at once. Ohm needs ~30 stack frames per level and overflows near 300. */
export const MAX_BRACKETS = 100;
/** Depth of a declaration's syntax tree (a chain `a + b + ...` of n terms is n deep). */
export const MAX_TREE_DEPTH = 256;

/** The first bracket that opens more than MAX_BRACKETS levels deep, comments skipped. */
export function tooManyBrackets(text: string): Span | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === "(" || ch === "[" || ch === "{") {
      if (++depth > MAX_BRACKETS) return { start: i, end: i + 1 };
    } else if (ch === ")" || ch === "]" || ch === "}") {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** A node more than MAX_TREE_DEPTH levels deep in some declaration, found without recursion. */
export function tooDeepNode(ast: Spec): Span | undefined {
  const stack: { node: unknown; depth: number }[] = ast.decls.map((d) => ({ node: d, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (Array.isArray(node)) {
      for (const x of node) stack.push({ node: x, depth });
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    const o = node as Record<string, unknown>;
    if (depth > MAX_TREE_DEPTH && o.span) return o.span as Span;
    for (const [k, v] of Object.entries(o)) if (k !== "span" && k !== "opSpan" && v !== null && typeof v === "object") stack.push({ node: v, depth: depth + 1 });
  }
  return undefined;
}

// Questions to a symbol index: what is at an offset, what refers to a symbol, what is visible.

import type * as A from "../lang/ast.js";
import type { Span } from "../lang/ast.js";
import type { Ref, Special, Sym, SymbolIndex } from "./symbols.js";

/** The occurrence at `offset` (a cursor just after a name still touches it). */
export function occurrenceAt(index: SymbolIndex, offset: number): Ref | Special | undefined {
  return touching(index.refs, offset) ?? touching(index.specials, offset);
}

function touching<T extends { span: Span }>(xs: readonly T[], offset: number): T | undefined {
  // The last occurrence starting at or before the offset; then the one before it, for a cursor
  // between two names (`a+b` with the cursor after `a`).
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i >= found - 1; i--) {
    if (xs[i].span.start <= offset && offset <= xs[i].span.end) return xs[i];
  }
  return undefined;
}

/** Every occurrence of a symbol, its declaration included, in text order. */
export function referencesOf(index: SymbolIndex, sym: Sym): Ref[] {
  return index.refs.filter((r) => r.sym === sym);
}

/** The symbols visible at `offset`: the locals whose scope holds it, then the globals. */
export function visibleAt(index: SymbolIndex, offset: number): Sym[] {
  const locals = index.symbols.filter((s) => s.scope !== null && s.scope.start <= offset && offset <= s.scope.end);
  return [...locals, ...index.globals.values()];
}

const IDENT_PART = /[A-Za-z0-9_\p{L}\p{N}]/u;

/** The name the offset touches, by its characters alone. */
export function wordAt(text: string, offset: number): Span | undefined {
  let start = Math.min(offset, text.length);
  while (start > 0 && IDENT_PART.test(text[start - 1])) start--;
  let end = Math.max(start, Math.min(offset, text.length));
  while (end < text.length && IDENT_PART.test(text[end])) end++;
  return end > start && !/[0-9]/.test(text[start]) ? { start, end } : undefined;
}

/** A global named by the word at the offset, when the offset is in no declaration that parses:
 * the names of a declaration being typed are not resolved, but the globals it uses are known. */
export function globalAtWord(index: SymbolIndex, text: string, decls: readonly A.Decl[], offset: number): Ref | undefined {
  if (decls.some((d) => d.span.start <= offset && offset <= d.span.end)) return undefined;
  const w = wordAt(text, offset);
  const sym = w && index.globals.get(text.slice(w.start, w.end));
  return w && sym ? { span: w, sym, isDecl: false } : undefined;
}

/** The resolved occurrence at the offset, or a global named there in text that does not parse. */
export function nameAt(index: SymbolIndex, text: string, decls: readonly A.Decl[], offset: number): Ref | Special | undefined {
  return occurrenceAt(index, offset) ?? globalAtWord(index, text, decls, offset);
}

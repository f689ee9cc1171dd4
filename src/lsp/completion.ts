// Completion: the names visible at the cursor (locals first), the built-in functions with their
// signatures, and the keywords; after `action.` an action's parameters, after `record.` its fields.

import type { CompletionItem } from "vscode-languageserver";
import { assertNever } from "../util/assert-never.js";
import type { Analysis } from "./analysis.js";
import { pieceStarts } from "./pieces.js";
import { typeText } from "./semantic.js";
import { declHeader, oneLine } from "./source-text.js";
import type { SymbolKind, Sym } from "./symbols.js";
import { visibleAt } from "./lookup.js";
import { BUILTIN_LIST, KEYWORDS, OLD } from "./words.js";

/** The protocol's CompletionItemKind numbers. */
const KIND = { function: 3, field: 5, variable: 6, class: 7, keyword: 14, enumMember: 20, constant: 21, event: 23, typeParameter: 25 } as const;

function itemKind(k: SymbolKind): NonNullable<CompletionItem["kind"]> {
  switch (k) {
    case "const":
      return KIND.constant;
    case "type":
      return KIND.class;
    case "enumMember":
      return KIND.enumMember;
    case "var":
    case "param":
    case "caller":
    case "let":
    case "pick":
    case "binder":
    case "loop":
      return KIND.variable;
    case "def":
    case "proc":
      return KIND.function;
    case "action":
      return KIND.event;
    case "invariant":
    case "step":
    case "liveness":
      return KIND.typeParameter;
    default:
      return assertNever(k, "symbol kind");
  }
}

export function completion(a: Analysis, offset: number): CompletionItem[] {
  const text = a.text;
  if (inComment(text, offset)) return [];
  const dotted = /([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*[A-Za-z0-9_]*$/.exec(text.slice(Math.max(0, offset - 200), offset));
  if (dotted) return members(a, dotted[1]);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem) => {
    if (seen.has(item.label)) return;
    seen.add(item.label);
    items.push(item);
  };
  for (const s of visibleAt(a.symbols, offset)) {
    // Properties are not values: nothing refers to them.
    if (s.kind === "invariant" || s.kind === "step" || s.kind === "liveness") continue;
    add({ label: s.name, kind: itemKind(s.kind), detail: detail(a, s), sortText: (s.scope ? "0" : "1") + s.name });
  }
  for (const name of typedLocals(a, offset)) add({ label: name, kind: KIND.variable, sortText: "0" + name });
  // `old` and a step's `caller` belong to step properties (and `old` to the defs they call).
  const inside = declKindAt(a, offset);
  if (inside === "step" && !seen.has("caller") && a.symbols.symbols.some((s) => s.kind === "caller")) {
    add({ label: "caller", kind: KIND.variable, detail: "the caller of the step's action", sortText: "0caller" });
  }
  const builtins = inside === "step" || inside === "def" ? [...BUILTIN_LIST, OLD] : BUILTIN_LIST;
  for (const b of builtins) add({ label: b.name, kind: KIND.function, detail: b.signature, documentation: b.doc, sortText: "2" + b.name });
  for (const k of KEYWORDS) add({ label: k, kind: KIND.keyword, sortText: "3" + k });
  return items;
}

function detail(a: Analysis, s: Sym): string {
  if (s.scope === null) return s.kind === "enumMember" ? `member of ${s.decl.name.text}` : declHeader(a.text, s.decl);
  const ty = a.info.localType(s);
  if (ty) return `${s.name}: ${typeText(ty)}`;
  if (s.type) return `${s.name}: ${oneLine(a.text, s.type.span)}`;
  return s.kind;
}

/** After `name.`: an action's parameters (in step properties), or a record variable's fields. */
function members(a: Analysis, name: string): CompletionItem[] {
  const g = a.symbols.globals.get(name);
  if (g?.kind === "action") {
    return (g.params ?? []).filter((p) => p.kind === "param").map((p) => ({ label: p.name, kind: KIND.field, detail: `${p.name}: ${oneLine(a.text, p.type!.span)}` }));
  }
  if (g?.kind === "var") {
    const ty = a.info.variable(name)?.ty;
    if (ty?.k === "rec") return ty.fields.map((f) => ({ label: f.name, kind: KIND.field, detail: `${f.name}: ${typeText(f.ty)}` }));
  }
  return [];
}

/** Names a declaration that does not parse (the one being typed) binds before the cursor: its
 * parameters, `let`s, `pick`s and bound names, found by their shape. */
function typedLocals(a: Analysis, offset: number): string[] {
  if (a.ast.decls.some((d) => d.span.start <= offset && offset <= d.span.end)) return [];
  const starts = pieceStarts(a.text);
  let from = 0;
  for (const s of starts) if (s <= offset) from = s;
  const region = a.text.slice(from, offset).replace(/\/\/[^\n]*|\/\*[\s\S]*?(\*\/|$)/g, " ");
  const out: string[] = [];
  const patterns = [/[(,]\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/g, /\bby\s+([A-Za-z_][A-Za-z0-9_]*)\s*:/g, /\b(?:let|pick)\s+([A-Za-z_][A-Za-z0-9_]*)/g, /[(,]\s*([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g];
  for (const re of patterns) for (const m of region.matchAll(re)) out.push(m[1]);
  return out.filter((n) => !KEYWORDS.includes(n));
}

/** The kind of declaration the offset is in: of a declaration that parses, else by the keyword
 * that starts the piece being typed. */
function declKindAt(a: Analysis, offset: number): string | undefined {
  const d = a.ast.decls.find((x) => x.span.start <= offset && offset <= x.span.end);
  if (d) return d.kind;
  let from = 0;
  for (const s of pieceStarts(a.text)) if (s <= offset) from = s;
  return /^\s*(?:(?:strong|fair|symmetric|ghost)\s+)*([a-z]+)/.exec(a.text.slice(from, offset))?.[1];
}

/** Whether the offset is inside a comment. */
export function inComment(text: string, offset: number): boolean {
  let i = 0;
  while (i < offset) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf("\n", i);
      if (nl < 0 || nl >= offset) return true;
      i = nl + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0 || end + 2 > offset) return true;
      i = end + 2;
    } else i++;
  }
  return false;
}

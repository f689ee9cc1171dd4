// Hover: what a name is. The declaration as written (in a ```stake block), then what the checker
// knows: a const's value (with the workspace's overrides), a type's values, a variable's type and
// initial value, a def's signature with its result type, a local's type.

import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Hover } from "vscode-languageserver";
import type { Span } from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import type { Ty } from "../ir/types.js";
import { assertNever } from "../util/assert-never.js";
import type { Analysis } from "./analysis.js";
import { toRange } from "./convert.js";
import { typeText, type SemanticInfo } from "./semantic.js";
import { declHeader, docComment, escapeMarkdown, oneLine } from "./source-text.js";
import type { Special, Sym } from "./symbols.js";
import { nameAt } from "./lookup.js";
import { BUILTIN_LIST, OLD } from "./words.js";

const code = (s: string) => "```stake\n" + s + "\n```";
const tick = (s: string) => "`" + s + "`";

export function hover(a: Analysis, doc: TextDocument, offset: number): Hover | null {
  const occ = nameAt(a.symbols, a.text, a.ast.decls, offset);
  if (!occ) return null;
  const parts = "sym" in occ ? describeSymbol(a, occ.sym) : describeSpecial(occ);
  return { contents: { kind: "markdown", value: parts.filter((p) => p !== "").join("\n\n") }, range: toRange(doc, occ.span) };
}

function describeSpecial(s: Special): string[] {
  switch (s.kind) {
    case "builtin": {
      const b = BUILTIN_LIST.find((x) => x.name === s.name)!;
      return [code(b.signature), "built-in: " + b.doc];
    }
    case "old":
      return [code(OLD.signature), "built-in: " + OLD.doc];
    case "caller":
      return [code("caller"), "the caller of the step's action (absent when that action has none)"];
    default:
      return assertNever(s.kind, "special name");
  }
}

export function describeSymbol(a: Analysis, sym: Sym): string[] {
  const text = a.text;
  const info = a.info;
  const t = (s: Span) => oneLine(text, s);
  const doc = (start: number) => escapeMarkdown(docComment(text, start));
  const d = sym.decl;
  switch (sym.kind) {
    case "const": {
      const v = info.constValue(sym.name);
      const set = Object.prototype.hasOwnProperty.call(a.consts, sym.name);
      return [code(declHeader(text, d)), v === undefined ? "" : `value ${tick(String(v))}${set ? " (set by the setting `stakecheck.const`)" : ""}`, doc(d.span.start)];
    }
    case "type": {
      const ty = info.namedType(sym.name);
      return [code(declHeader(text, d)), ty && ty.k !== "enum" ? `values ${tick(typeText(unname(ty)))}` : "", doc(d.span.start)];
    }
    case "enumMember": {
      const members = d.kind === "type" && d.type.kind === "enum" ? d.type.members.length : 0;
      return [code(declHeader(text, d)), `member ${tick(sym.name)} of ${tick(d.name.text)} (${sym.ordinal! + 1} of ${members})`];
    }
    case "var": {
      const v = info.variable(sym.name);
      return [code(declHeader(text, d)), v ? `type ${tick(typeText(v.ty))}${initially(v)}` : "", doc(d.span.start)];
    }
    case "def": {
      const def = info.def(sym.name);
      const head = d.kind === "def" && !d.returnType && def ? `${declHeader(text, d)}: ${typeText(def.ret)}` : declHeader(text, d);
      return [code(head), doc(d.span.start)];
    }
    case "action":
    case "proc":
    case "invariant":
    case "step":
    case "liveness":
      return [code(declHeader(text, d)), doc(d.span.start)];
    case "param":
    case "caller": {
      const owner = `${d.kind} ${tick(d.name.text)}`;
      return [code(`${sym.name}: ${t(sym.type!.span)}`), `${sym.kind === "caller" ? "caller" : "parameter"} of ${owner}${typeLine(info, sym)}`];
    }
    case "let":
      return [code(`let ${sym.name} = ${t(sym.value!.span)}`), `local of ${d.kind} ${tick(d.name.text)}${typeLine(info, sym)}`];
    case "pick":
      return [code(`pick ${sym.name} in ${t(sym.domain!.span)}`), `picked in action ${tick(d.name.text)}${typeLine(info, sym)}`];
    case "binder":
      return [code(`${sym.name} in ${t(sym.domain!.span)}`), `bound by ${tick(sym.binderOf!)}${typeLine(info, sym)}`];
    case "loop":
      return [code(`for ${sym.name} in ${t(sym.domain!.span)}`), `loop variable in ${d.kind} ${tick(d.name.text)}${typeLine(info, sym)}`];
    default:
      return assertNever(sym.kind, "symbol kind");
  }
}

function typeLine(info: SemanticInfo, sym: Sym): string {
  const ty = info.localType(sym);
  return ty ? ` · type ${tick(typeText(ty))}` : "";
}

/** A named type's structure (its name is the hover's subject already). */
function unname(t: Ty): Ty {
  return "name" in t && t.k !== "enum" ? { ...t, name: undefined } : t;
}

function scalarText(ty: Ty, v: number): string {
  if (ty.k === "bool") return v ? "true" : "false";
  if (ty.k === "enum") return ty.members[v] ?? String(v);
  return String(v);
}

/** ` · initially `3`` for a constant initial value, ` · initially `0` in every entry` for a filled map. */
function initially(v: I.Var): string {
  const e = v.init;
  if (e.k === "const") return ` · initially ${tick(scalarText(e.ty, e.v))}`;
  if (e.k === "fill" && e.e.k === "const") return ` · initially ${tick(scalarText(e.e.ty, e.e.v))} in every entry`;
  return "";
}

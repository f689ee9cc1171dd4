// The outline: every declaration, with an enum's members and an action's or def's parameters
// under it.

import type { TextDocument } from "vscode-languageserver-textdocument";
import type { DocumentSymbol, SymbolKind } from "vscode-languageserver";
import type * as A from "../lang/ast.js";
import { assertNever } from "../util/assert-never.js";
import type { Analysis } from "./analysis.js";
import { toRange } from "./convert.js";
import { oneLine, params } from "./source-text.js";

/** The protocol's SymbolKind numbers. */
const KIND = { class: 5, property: 7, enum: 10, function: 12, variable: 13, constant: 14, enumMember: 22, struct: 23, event: 24, typeParameter: 26 } as const;

export function documentSymbols(a: Analysis, doc: TextDocument): DocumentSymbol[] {
  const text = a.text;
  const sym = (name: A.Name, span: A.Span, kind: SymbolKind, detail: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name.text,
    detail,
    kind,
    range: toRange(doc, span),
    selectionRange: toRange(doc, name.span),
    ...(children ? { children } : {}),
  });
  const paramSymbols = (ps: readonly A.Param[]) => ps.map((p) => sym(p.name, p.span, KIND.variable, oneLine(text, p.type.span)));
  return a.ast.decls.map((d): DocumentSymbol => {
    switch (d.kind) {
      case "const":
        return sym(d.name, d.span, KIND.constant, oneLine(text, d.value.span));
      case "type":
        if (d.type.kind === "enum") return sym(d.name, d.span, KIND.enum, "enum", d.type.members.map((m) => sym(m, m.span, KIND.enumMember, "")));
        return sym(d.name, d.span, d.type.kind === "record" ? KIND.struct : KIND.typeParameter, oneLine(text, d.type.span));
      case "var":
        return sym(d.name, d.span, KIND.variable, oneLine(text, d.type.span));
      case "action":
        return sym(d.name, d.span, KIND.event, `action(${params(text, d.params)})${d.by ? ` by ${d.by.name.text}` : ""}`, paramSymbols(d.by ? [d.by, ...d.params] : d.params));
      case "def":
        return sym(d.name, d.span, KIND.function, `def(${params(text, d.params)})`, paramSymbols(d.params));
      case "proc":
        return sym(d.name, d.span, KIND.function, `proc(${params(text, d.params)})`, paramSymbols(d.params));
      case "invariant":
      case "step":
        return sym(d.name, d.span, KIND.property, d.kind === "step" ? "step property" : "invariant");
      case "liveness":
        return sym(d.name, d.span, KIND.property, "liveness property");
      default:
        return assertNever(d, "declaration");
    }
  });
}

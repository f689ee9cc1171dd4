// Syntax-tree building for the value constructs of the language's second edition: number types
// with a step, decimal literals, tuple and option types, tuple literals and fields (`p.0`), and
// destructuring binders `(s, t) in D`. Spread into the `ast` operation of parse.ts.

import type * as ohm from "ohm-js";
import type { Binder, Expr, Name, Span, TypeExpr } from "./ast.js";

export interface ParseHelpers {
  span(node: ohm.Node): Span;
  name(node: ohm.Node): Name;
  list<T>(node: ohm.Node): T[];
  pending(p: { span: Span; message: string; hint?: string }): void;
}

/** The field name of a tuple field access `.0`: the digits, spanning them. */
export function fieldDigits(node: ohm.Node): Name {
  const digits = node.children[1];
  return { text: digits.sourceString, span: { start: digits.source.startIdx, end: digits.source.endIdx } };
}

export function valueActions(h: ParseHelpers): ohm.ActionDict<unknown> {
  return {
    Type_range(lo, _dots, hi, step) {
      const s = step.numChildren === 0 ? undefined : (step.children[0].children[1].ast() as Expr);
      return { kind: "range", lo: lo.ast(), hi: hi.ast(), span: h.span(this), ...(s ? { step: s } : {}) } satisfies TypeExpr;
    },
    Type_tuple(_open, first, _comma, rest, _close) {
      return { kind: "tuple", elems: [first.ast() as TypeExpr, ...h.list<TypeExpr>(rest)], span: h.span(this) } satisfies TypeExpr;
    },
    Type_option(_kw, _lt, elem, _gt) {
      return { kind: "option", elem: elem.ast(), span: h.span(this) } satisfies TypeExpr;
    },
    Primary_tuple(_open, first, _comma, rest, _close) {
      return { kind: "tupleLit", elems: [first.ast() as Expr, ...h.list<Expr>(rest)], span: h.span(this) } satisfies Expr;
    },
    Primary_number(n) {
      const text = n.sourceString.replace(/_/g, "");
      const value = Number(text);
      const [whole, frac] = text.split(".");
      if (!Number.isSafeInteger(Number(whole)) || (frac !== undefined && !Number.isSafeInteger(Number(whole + frac)))) {
        h.pending({ span: h.span(this), message: `the number ${n.sourceString} is too large (the limit is ${Number.MAX_SAFE_INTEGER})` });
        return { kind: "num", value: 0, span: h.span(this) } satisfies Expr;
      }
      if (frac !== undefined) return { kind: "num", value, decimal: text, span: h.span(this) } satisfies Expr;
      return { kind: "num", value, span: h.span(this) } satisfies Expr;
    },
    Binder(pattern, _in, domain) {
      const inner = pattern.children[0];
      if (inner.ctorName === "BindName_tuple") {
        const parts = [h.name(inner.children[1]), ...inner.children[3].asIteration().children.map(h.name)];
        return { name: h.name(pattern), parts, domain: domain.ast(), span: h.span(this) } satisfies Binder;
      }
      return { name: h.name(pattern), domain: domain.ast(), span: h.span(this) } satisfies Binder;
    },
  };
}

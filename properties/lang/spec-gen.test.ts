// The well-formed spec generator (properties/support/spec-gen.ts): every spec it makes parses and
// checks with no errors, prints back to itself, and together its specs use every construct.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSpec } from "../../src/check/check.js";
import { parseSpec } from "../../src/lang/parse.js";
import { printSpec } from "../../src/lang/print.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";
import { wellFormedSpec } from "../support/spec-gen.js";
import { stripSpans } from "./support/ast-arb.js";

/** A name for each construct a node uses: `binary:+`, `aggregate:sum`, `call:old`, `stmt:pick`... */
function constructs(ast: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (x: unknown, parentKey: string): void => {
    if (Array.isArray(x)) return x.forEach((y) => walk(y, parentKey));
    if (x === null || typeof x !== "object") return;
    const o = x as Record<string, unknown>;
    if (typeof o.kind === "string") {
      const k = o.kind;
      const tag =
        k === "binary" || k === "unary" || k === "aggregate" || k === "assign" ? `${k}:${o.op as string}`
        : k === "call" ? `call:${/^f\d+$/.test((o.callee as { text: string }).text) ? "def" : /^pr\d+$/.test((o.callee as { text: string }).text) ? "proc" : (o.callee as { text: string }).text}`
        : k === "let" && "body" in o ? "letIn"
        : parentKey === "type" || parentKey === "elem" || parentKey === "key" || parentKey === "value" ? `type:${k}`
        : k === "field" && (o.target as { kind: string; name?: string }).name?.startsWith("act") ? "stepParam"
        : k === "field" && /^[lxwpk]\d+$/.test((o.target as { name?: string }).name ?? "") ? "field:local"
        : k === "name" && o.name === "caller" ? "caller"
        : k;
      found.add(tag);
      if (k === "var" && o.ghost) found.add("ghost");
      if (k === "type" && o.symmetric) found.add("symmetric");
      if (k === "action" && o.by) found.add("by");
      if (k === "if" && o.else) found.add("else");
      if (k === "def" && o.returnType) found.add("returnType");
      if (k === "num" && o.decimal) found.add("decimal");
      if (k === "range" && o.step) found.add("step");
    }
    if (Array.isArray(o.parts)) found.add("destructure");
    for (const [key, v] of Object.entries(o)) walk(v, key);
  };
  walk(ast, "");
  return found;
}

describe("wellFormedSpec", () => {
  it("makes specs that parse and check with no errors, and print back to the same tree", () => {
    fc.assert(
      fc.property(wellFormedSpec(), ({ ast, text }) => {
        const parsed = parseSpec(text, "generated.stake");
        expect(parsed.diagnostics).toEqual([]);
        expect(stripSpans(parsed.ast)).toEqual(stripSpans(ast));
        expect(printSpec(parsed.ast!)).toBe(text);
        const errors = checkSpec(parsed.file, parsed.ast!).diagnostics.filter((d) => d.severity === "error");
        if (errors.length) throw new Error(`${renderDiagnostics(errors)}\n---\n${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it("uses every construct of the language across 300 specs", () => {
    const seen = new Set<string>();
    for (const { ast } of fc.sample(wellFormedSpec(), { numRuns: 300, seed: 42 })) for (const c of constructs(ast)) seen.add(c);
    const wanted = [
      "const", "type", "var", "ghost", "symmetric", "action", "by", "def", "returnType", "invariant", "step",
      "type:bool", "type:range", "type:enum", "type:set", "type:map", "type:record", "type:seq", "type:named",
      "require", "let", "if", "else", "pick", "for", "proc", "call:proc", "letIn", "assign:=", "assign:+=", "assign:-=",
      "num", "bool", "name", "action", "ite", "index", "field", "setLit", "seqLit", "recordLit",
      "unary:-", "unary:not",
      ...["+", "-", "*", "/", "%", "**", "==", "!=", "<", "<=", ">", ">=", "and", "or", "implies", "iff", "in", "notin", "subset", "union", "intersect", "minus"].map((o) => `binary:${o}`),
      ...["all", "any", "sum", "min", "max", "map", "count", "set", "filter"].map((o) => `aggregate:${o}`),
      ...["old", "def", "div_up", "mul_div", "mul_div_up", "min", "max", "abs", "size", "len", "head", "push", "pop", "remove_at"].map((f) => `call:${f}`),
      "caller", "stepParam", "field:local",
      // the second edition's values
      "type:tuple", "type:option", "tupleLit", "decimal", "step", "destructure",
      ...["some", "get", "get_or", "floor", "ceil", "div", "subsets"].map((f) => `call:${f}`),
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });
});

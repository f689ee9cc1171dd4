// The liveness syntax: `~>` is the loosest operator, `eventually` and `always` take everything to
// their right but `~>`, `fair` and `strong fair` go before `action`; the printer puts back exactly
// the parentheses the parser needs (parse(print(ast)) is ast, spans aside).

import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/lang/ast.js";
import { parseSpec } from "../../src/lang/parse.js";
import { printSpec } from "../../src/lang/print.js";

function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x === null || typeof x !== "object") return x;
  return Object.fromEntries(Object.entries(x).filter(([k]) => k !== "span" && k !== "opSpan").map(([k, v]) => [k, strip(v)]));
}

const HEAD = "spec S\nvar a: bool = false\nvar b: bool = false\nvar c: bool = false\n";

function liveness(body: string): Expr {
  const r = parseSpec(`${HEAD}liveness l: ${body}\n`);
  expect(r.diagnostics).toEqual([]);
  const d = r.ast!.decls.find((x) => x.kind === "liveness")!;
  return d.kind === "liveness" ? d.expr : (null as never);
}

/** The tree as a compact string: (p ~> q), ev(x), al(x), and the usual operators. */
function shape(e: Expr): string {
  switch (e.kind) {
    case "leadsto":
      return `(${shape(e.left)} ~> ${shape(e.right)})`;
    case "temporal":
      return `${e.op === "eventually" ? "ev" : "al"}(${shape(e.operand)})`;
    case "binary":
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case "unary":
      return `${e.op}(${shape(e.operand)})`;
    case "name":
      return e.name;
    case "aggregate":
      return `${e.op}(${e.binders.map((x) => x.name.text).join(",")}: ${e.body ? shape(e.body) : ""})`;
    default:
      return e.kind;
  }
}

describe("liveness syntax", () => {
  it.each([
    ["a and b ~> c or a", "((a and b) ~> (c or a))"],
    ["a implies b ~> c", "((a implies b) ~> c)"],
    ["eventually a and b", "ev((a and b))"],
    ["eventually a implies b", "ev((a implies b))"],
    ["eventually always a", "ev(al(a))"],
    ["always eventually not a", "al(ev(not(a)))"],
    ["eventually a ~> b", "(ev(a) ~> b)"],
    ["a ~> b ~> c", "(a ~> (b ~> c))"],
    ["all(x in bool: x == a ~> b)", "all(x: ((x == a) ~> b))"],
  ])("%s parses as %s", (text, tree) => {
    expect(shape(liveness(text))).toBe(tree);
  });

  it("prints and parses back to the same tree, fairness included", () => {
    const text = `${HEAD}fair action f() {\n  a = not a\n}\nstrong fair action g() {\n  b = not b\n}\naction h() {\n  c = not c\n}\n` +
      ["a and b ~> c or a", "(a ~> b) ~> c", "eventually (a ~> b)", "eventually always (a or b)", "always eventually (eventually a)", "all(x in bool: eventually x == a)", "not (eventually a) ~> b"]
        .map((b, i) => `liveness l${i}: ${b}`)
        .join("\n") + "\n";
    const first = parseSpec(text);
    const printed = printSpec(first.ast!);
    expect(printed).toContain("fair action f() {");
    expect(printed).toContain("strong fair action g() {");
    expect(printed).toContain("\naction h() {");
    const again = parseSpec(printed);
    expect(again.diagnostics).toEqual([]);
    expect(strip(again.ast)).toEqual(strip(first.ast));
    expect(printSpec(again.ast!)).toBe(printed);
  });
});

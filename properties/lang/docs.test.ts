// docs/language.md (and every other doc: README.md, docs/**/*.md) cannot drift from the code.
// Conventions (also stated at the top of docs/language.md):
// - a ```stake block that starts with `spec` (after comments) is a complete spec; a block without
//   a `spec` header is a fragment and gets `spec Doc` put in front of it. Either must check with
//   no errors, and, compiled and explored, violate no property, liveness properties included (the
//   examples are meant to be correct specs).
// - a ```stake-error block must be rejected with an error whose message contains the text of its
//   `// error: ...` comment, on that comment's line.
// - the table of rounding ("The signs, worked out") holds in the reference evaluator (constant
//   folding) and in compiled models.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { loadSpecText } from "../../src/api/load.js";
import { compileModel } from "../../src/compile/compile.js";
import { describeFailure } from "../../src/ir/failure.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";
import { docFiles } from "../support/doc-commands.js";

const DOC = readFileSync("docs/language.md", "utf8");

interface Block {
  readonly file: string;
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the block's first code line in the doc. */
  readonly line: number;
}

function blocks(): Block[] {
  const out: Block[] = [];
  const re = /^```(stake(?:-error)?)\n([\s\S]*?)^```$/gm;
  for (const file of docFiles()) {
    const text = file === "docs/language.md" ? DOC : readFileSync(file, "utf8");
    for (const m of text.matchAll(re)) out.push({ file, lang: m[1], code: m[2], line: text.slice(0, m.index).split("\n").length + 1 });
  }
  return out;
}

/** The block as a spec, and how many lines were put in front of it. */
function asSpec(code: string): { text: string; offset: number } {
  const first = code.split("\n").find((l) => l.trim() !== "" && !l.trim().startsWith("//")) ?? "";
  return /^spec\s/.test(first) ? { text: code, offset: 0 } : { text: `spec Doc\n${code}`, offset: 1 };
}

const every = blocks();
const all = every.filter((b) => b.file === "docs/language.md");

describe("docs/language.md", () => {
  it("has examples, including complete specs, fragments and rejected specs", () => {
    expect(all.filter((b) => b.lang === "stake").length).toBeGreaterThanOrEqual(12);
    expect(all.filter((b) => b.lang === "stake" && asSpec(b.code).offset === 0).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((b) => b.lang === "stake-error").length).toBeGreaterThanOrEqual(2);
  });

  it.each(every.filter((b) => b.lang === "stake").map((b) => [`${b.file}:${b.line}`, b] as const))("the example at %s checks and holds", (_, b) => {
    const { text } = asSpec(b.code);
    const loaded = loadSpecText(text, `${b.file}:${b.line}`);
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length, renderDiagnostics(errors)).toBe(0);
    const r = check(loaded.spec!, { maxStates: 200_000 }).result;
    expect(r.limit).toBeUndefined();
    expect(r.violations.map((v) => v.property.name)).toEqual([]);
  });

  it.each(every.filter((b) => b.lang === "stake-error").map((b) => [`${b.file}:${b.line}`, b] as const))("the rejected example at %s fails as it says", (_, b) => {
    const { text, offset } = asSpec(b.code);
    const lines = b.code.split("\n");
    const at = lines.findIndex((l) => l.includes("// error: "));
    expect(at).toBeGreaterThanOrEqual(0);
    const wanted = lines[at].slice(lines[at].indexOf("// error: ") + "// error: ".length).trim();
    const loaded = loadSpecText(text, "doc.stake");
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.file.position(d.span.start).line - offset - 1, d.message])).toContainEqual([at, expect.stringContaining(wanted)]);
  });
});

describe("the rounding table in docs/language.md", () => {
  const table = DOC.slice(DOC.indexOf("The signs, worked out:"));
  const rows = [...table.matchAll(/^\| (-?\d+) \| (-?\d+) \| (-?\d+) \| (-?\d+) \| (-?\d+) \| (-?\d+) \| (-?\d+) \|$/gm)].map((m) => m.slice(1).map(Number));
  const EXPRS = ["div(a, b)", "a % b", "div_up(a, b)", "mul_div(a, 3, b)", "mul_div_up(a, 3, b)"];

  it("has rows for every combination of signs", () => {
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map(([a, b]) => `${Math.sign(a)}${Math.sign(b)}`)).size).toBe(4);
  });

  it.each(rows.map((r) => [r[0], r[1], r] as const))("a = %i, b = %i: reference evaluator and compiled model agree with the table", (a, b, row) => {
    // Reference semantics: consts are folded by the checker with src/ir/eval.ts.
    const consts = EXPRS.map((e, i) => `const R${i} = ${e.replace(/\ba\b/g, "A").replace(/\bb\b/g, "B")}`).join("\n");
    const folded = loadSpecText(`spec T\nconst A = ${a}\nconst B = ${b}\n${consts}\nvar x: bool = true\naction go() {\n  x = not x\n}\ninvariant i: x or not x\n`);
    expect(folded.spec, renderDiagnostics(folded.diagnostics)).not.toBeNull();
    expect(EXPRS.map((_, i) => folded.spec!.consts.find((c) => c.name === `R${i}`)!.value)).toEqual(row.slice(2));
    // Compiled: one step computes every column from variables.
    const vars = EXPRS.map((_, i) => `var r${i}: -50 .. 50 = 0`).join("\n");
    const assigns = EXPRS.map((e, i) => `  r${i} = ${e}`).join("\n");
    const model = compileModel(loadSpecText(`spec T\nvar a: -9 .. 9 = ${a}\nvar b: -9 .. 9 = ${b}\n${vars}\naction go() {\n${assigns}\n}\ninvariant i: a + b >= -18\n`).spec!);
    const s = new Int32Array(model.width);
    const d = new Int32Array(model.width);
    model.init(s);
    expect(model.apply(s, d, 0)).toBe(1);
    const values = model.decode(d);
    expect(EXPRS.map((_, i) => values[`r${i}`])).toEqual(row.slice(2));
  });

  it("a divisor of 0 is a well_typed violation, for each operation", () => {
    for (const e of EXPRS) {
      const loaded = loadSpecText(`spec T\nvar a: -9 .. 9 = 7\nvar b: -9 .. 9 = 0\nvar r: -50 .. 50 = 0\naction go() {\n  r = ${e}\n}\ninvariant i: r >= -50\n`);
      const model = compileModel(loaded.spec!);
      const s = new Int32Array(model.width);
      model.init(s);
      expect(model.apply(s, new Int32Array(model.width), 0)).toBe(-1);
      expect(describeFailure(loaded.spec!.sites[model.failure.site], model.failure.detail)).toMatch(/^division by zero: /);
    }
  });
});

// TLC on the exports: for every shipped spec, buggy variant, liveness spec and the reference
// anchors, TLC finds the same distinct states as stakecheck and the same verdicts, with traces of
// the same length (docs/scale.md). TLC is not on the npm registry: this runs only when
// STAKECHECK_TLC_JAR points at a tla2tools.jar, and says it is skipped otherwise. It takes minutes
// (POOL(4,3,2), 2,652,000 states, about a minute of it); the table of counts is printed at the end.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpecFile } from "../../src/api/load.js";
import { exportTla } from "../../src/export/index.js";
import { hasErrors } from "../../src/lang/diagnostic.js";
import { compareWithTlc, runSany, type Comparison } from "../support/tlc.js";
import { REFUSED } from "./refused.js";

const JAR = process.env.STAKECHECK_TLC_JAR;

const specs: [string, Record<string, number>][] = [
  ...readdirSync("spec").filter((f) => f.endsWith(".stake")).map((f) => [`spec/${f}`, {}] as [string, Record<string, number>]),
  ...readdirSync("spec/buggy").map((f) => [`spec/buggy/${f}`, {}] as [string, Record<string, number>]),
  ...readdirSync("properties/export/fixtures").map((f) => [`properties/export/fixtures/${f}`, {}] as [string, Record<string, number>]),
  ...readdirSync("properties/liveness/specs").map((f) => [`properties/liveness/specs/${f}`, {}] as [string, Record<string, number>]),
  // Loops with picks in every round, procs, names codegen must rename, a counterexample corpus spec.
  ["properties/codegen/specs/picks.stake", {}],
  ["properties/codegen/specs/features.stake", {}],
  ["properties/codegen/specs/reserved.stake", {}],
  ["properties/perf/specs/sym-loops.stake", {}],
  ["properties/golden/counterexamples/overflow.stake", {}],
  // The reference anchors of /shared/anchors (POOL(3,3,2) is spec/anchor-pool.stake itself).
  ["spec/anchor-pool.stake", { N: 4 }],
  ["spec/anchor-bft.stake", { N: 4, F: 2 }],
  ["spec/anchor-bft.stake", { N: 12, F: 3 }],
];

const label = (file: string, consts: Record<string, number>) => `${file}${Object.keys(consts).length ? ` (${Object.entries(consts).map(([k, v]) => `${k} = ${v}`).join(", ")})` : ""}`;

describe("export --tla: TLC gives stakecheck's answers", () => {
  if (!JAR || !existsSync(JAR)) {
    it.skip(`skipped: STAKECHECK_TLC_JAR ${JAR ? `(${JAR}) is not a file` : "is not set"}; set it to a tla2tools.jar to run TLC on every export`, () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "stakecheck-tlc-"));
  const results: Comparison[] = [];
  const row = (c: Comparison) => {
    const verdicts = c.rows.filter((r) => r.stakecheck !== "holds").map((r) => `${r.property} ${r.tlc}`);
    return `| ${c.label} | ${c.distinct.toLocaleString("en-US")} | ${c.tlcDistinct?.toLocaleString("en-US")} | ${c.tlcGenerated?.toLocaleString("en-US")} | ${verdicts.length ? verdicts.join("; ") : "all hold"} |`;
  };
  afterAll(() => {
    console.log(["| spec | stakecheck distinct | TLC distinct | TLC generated | violations (TLC) |", "| --- | ---: | ---: | ---: | --- |", ...results.map(row)].join("\n"));
  });

  specs.forEach(([file, consts], i) => {
    if (REFUSED[file]) {
      it(`${file} is refused by the export: ${REFUSED[file].source}`, () => {
        expect(() => exportTla(loadSpecFile(file, { consts }).spec!, { specPath: file })).toThrow(REFUSED[file]);
      });
      return;
    }
    it(label(file, consts), () => {
      const spec = loadSpecFile(file, { consts }).spec!;
      const c = compareWithTlc(JAR, join(dir, String(i)), spec, label(file, consts), 2);
      results.push(c);
      // Each row as soon as it is known: the whole run takes a while.
      console.log(row(c));
      expect(c.tlcDistinct).toBe(c.distinct);
      for (const r of c.rows) expect(r.agree, `${r.property}: stakecheck ${r.stakecheck}, TLC ${r.tlc}`).toBe(true);
    }, 20 * 60_000);
  });
});

/** Every .stake file under `dir`, recursively. */
function stakeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? (d.name === "node_modules" ? [] : stakeFiles(join(dir, d.name))) : d.name.endsWith(".stake") ? [join(dir, d.name)] : [],
  );
}

describe("export --tla: SANY accepts the export of every spec in the repository", () => {
  if (!JAR || !existsSync(JAR)) {
    it.skip(`skipped: STAKECHECK_TLC_JAR ${JAR ? `(${JAR}) is not a file` : "is not set"}; set it to a tla2tools.jar to run SANY on every export`, () => {});
    return;
  }
  it("every spec that loads without errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-sany-"));
    const files: string[] = [];
    const refused: string[] = [];
    for (const file of ["spec", "bench", "properties"].flatMap(stakeFiles)) {
      const loaded = loadSpecFile(file);
      if (!loaded.spec || hasErrors(loaded.diagnostics)) continue;
      if (REFUSED[file]) {
        expect(() => exportTla(loaded.spec!, { specPath: file }), file).toThrow(REFUSED[file]);
        refused.push(file);
        continue;
      }
      const exp = exportTla(loaded.spec, { specPath: file });
      const out = join(dir, String(files.length));
      mkdirSync(out);
      writeFileSync(join(out, `${exp.name}.tla`), exp.tla);
      files.push(join(out, `${exp.name}.tla`));
    }
    // The shipped specs and the test corpora: a sweep that found nothing to check would prove nothing.
    expect(files.length).toBeGreaterThan(50);
    // Every listed refusal is a spec that exists and loads: the list stays exact.
    expect(refused.sort()).toEqual(Object.keys(REFUSED).sort());
    expect(runSany(JAR, files)).toEqual([]);
  }, 10 * 60_000);
});

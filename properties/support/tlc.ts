// Running TLC (a tla2tools.jar given by STAKECHECK_TLC_JAR) on an export, and comparing its answers
// with stakecheck's: the same distinct states, the same verdicts, and for a violation a trace of
// the same length (TLC counts states, stakecheck steps; docs/scale.md says how they line up).

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "../../src/api/check.js";
import { configFor, exportTla, type TlaCheck, type TlaExport } from "../../src/export/index.js";
import type { Spec } from "../../src/ir/ir.js";
import type { Violation } from "../../src/explore/result.js";

export interface TlcRun {
  readonly distinct: number | null;
  readonly generated: number | null;
  readonly ok: boolean;
  /** What TLC reported violated: `invariant NAME`, `action NAME`, `temporal`, or `error` (anything else). */
  readonly violated: string | null;
  /** States in TLC's trace. */
  readonly states: number;
  readonly output: string;
}

export function runTlc(jar: string, dir: string, exp: TlaExport, cfg: string, tag: string, workers = 1): TlcRun {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${exp.name}.tla`), exp.tla);
  writeFileSync(join(dir, `${tag}.cfg`), cfg);
  const r = spawnSync(
    "java",
    ["-XX:+UseParallelGC", "-cp", jar, "tlc2.TLC", "-workers", String(workers), "-deadlock", "-noGenerateSpecTE", "-nowarning", "-metadir", join(dir, `meta-${tag}`), "-config", `${tag}.cfg`, `${exp.name}.tla`],
    { cwd: dir, encoding: "utf8", maxBuffer: 256 * 2 ** 20 },
  );
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  writeFileSync(join(dir, `${tag}.out`), output);
  const counts = /([\d,]+) states generated, ([\d,]+) distinct states found/.exec(output);
  const n = (s: string) => Number(s.replace(/,/g, ""));
  let violated: string | null = null;
  const inv = /Error: Invariant (\S+) is violated/.exec(output);
  const act = /Error: Action property (\S+) is violated/.exec(output);
  if (inv) violated = `invariant ${inv[1]}`;
  else if (act) violated = `action ${act[1]}`;
  else if (/Error: Temporal propert(y \S+ was|ies were) violated/.test(output)) violated = "temporal";
  else if (/^Error:/m.test(output) || !/Model checking completed\. No error has been found\./.test(output)) violated = "error";
  return {
    distinct: counts ? n(counts[2]) : null,
    generated: counts ? n(counts[1]) : null,
    ok: violated === null,
    violated,
    // A violation in the initial state is printed without a numbered trace.
    states: /is violated by the initial state/.test(output) ? 1 : (output.match(/^State \d+:/gm) ?? []).length,
    output,
  };
}

export interface Comparison {
  readonly label: string;
  readonly distinct: number;
  readonly tlcDistinct: number | null;
  readonly tlcGenerated: number | null;
  /** Per stakecheck property: its verdict, and what TLC said. */
  readonly rows: { property: string; stakecheck: string; tlc: string; agree: boolean }[];
}

/** Steps of stakecheck's shortest counterexample, and TLC's expected trace length in states. */
function expectedStates(v: Violation, stutter: boolean): number[] {
  const steps = v.instances.length;
  switch (v.property.kind) {
    case "invariant":
      return [steps + 1];
    case "step":
      // Found by the action property (the trace ends after the step), or, for a step that changes
      // nothing, by the _unchanged invariant (the trace ends where it starts).
      return stutter ? [steps] : [steps + 1, steps];
    case "well_typed":
      // The state the failing step starts from; a property that fails to evaluate: that state.
      return v.during && (v.during.kind === "invariant" || v.during.kind === "liveness") ? [steps + 1] : [steps];
    case "liveness":
      return [];
  }
}

/** Checks `spec` with stakecheck (whole space, no symmetry) and with TLC on its export. */
export function compareWithTlc(jar: string, dir: string, spec: Spec, label: string, workers = 1): Comparison {
  const run = check(spec, { continueAfterViolation: true, symmetry: false });
  const exp = exportTla(spec);
  const violated = new Map<string, Violation>();
  for (const v of run.result.violations) {
    const key = v.property.kind === "well_typed" ? "well_typed" : `${v.property.kind}:${v.property.name}`;
    if (!violated.has(key)) violated.set(key, v);
  }
  const byProperty = new Map<string, TlaCheck[]>();
  for (const c of exp.checks) if (c.property) byProperty.set(c.property, [...(byProperty.get(c.property) ?? []), c]);
  const holding = exp.checks.filter((c) => c.property === null || !violated.has(c.property));
  const whole = runTlc(jar, dir, exp, configFor(exp, holding), "holding", workers);
  const rows: Comparison["rows"] = [];
  for (const [property, checks] of byProperty) {
    const v = violated.get(property);
    if (!v) {
      rows.push({ property, stakecheck: "holds", tlc: whole.ok ? "holds" : `${whole.violated}`, agree: whole.ok });
      continue;
    }
    const tlc = runTlc(jar, dir, exp, configFor(exp, checks), `p${rows.length}`, 1);
    const stutter = v.property.kind === "step" && isStutter(run, v);
    const want = expectedStates(v, stutter);
    const names = checks.map((c) => (c.kind === "INVARIANT" ? `invariant ${c.name}` : property.startsWith("liveness:") ? "temporal" : `action ${c.name}`));
    const sameVerdict = tlc.violated !== null && names.includes(tlc.violated);
    const sameLength = want.length === 0 || want.includes(tlc.states);
    rows.push({
      property,
      stakecheck: v.property.kind === "liveness" ? "violated" : `violated in ${v.instances.length} steps`,
      tlc: `${tlc.violated ?? "holds"}${tlc.states ? `, ${tlc.states} states` : ""}`,
      agree: sameVerdict && sameLength,
    });
  }
  return { label, distinct: run.result.stats.distinct, tlcDistinct: whole.distinct, tlcGenerated: whole.generated, rows };
}

/** Whether the last step of a step property's counterexample leaves the state unchanged. */
function isStutter(run: ReturnType<typeof check>, v: Violation): boolean {
  const m = run.model;
  let s = new Int32Array(m.width);
  m.init(s);
  let before = s;
  for (const inst of v.instances) {
    before = s;
    const d = new Int32Array(m.width);
    m.apply(s, d, inst);
    s = d;
  }
  return before.every((x, i) => x === s[i]);
}

/**
 * SANY (TLA+'s own parser and semantic checker, in the same jar) on many modules in one JVM: the
 * modules it rejects, each with its messages. The tree-sitter grammar checks syntax only; SANY
 * also finds what TLC would refuse before running, such as a bound name that shadows another.
 */
export function runSany(jar: string, files: readonly string[]): { file: string; errors: string }[] {
  const r = spawnSync("java", ["-cp", jar, "tla2sany.SANY", ...files], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  const bad: { file: string; errors: string }[] = [];
  // One block per module, each opened by SANY's banner and naming its file first.
  for (const block of output.split(/^\*{6} SANY2 .*$/m).slice(1)) {
    const file = /^Parsing file (.*)$/m.exec(block)?.[1] ?? "?";
    if (/Semantic errors:|\*\*\*Parse Error\*\*\*|Fatal errors|Could not parse/.test(block)) bad.push({ file, errors: block.trim() });
  }
  if (r.status !== 0 && bad.length === 0) bad.push({ file: "?", errors: output || String(r.error) });
  return bad;
}

// Runs one mutant through the CLI, in-process, as a user would (lint, then a bounded check and a
// short fuzz for a spec; replay for a counterexample file), and says what went wrong: an exit code
// outside 0-3, an internal error or a stack trace, a spec error without a location, a run over its
// time budget.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../support/cli.js";

export interface Outcome {
  /** Empty when the mutant was handled well. */
  readonly problems: string[];
  /** Exit code of each command run. */
  readonly codes: number[];
  readonly ms: number;
}

const STACK = /^\s+at .*(\.[cm]?[jt]s:\d+|node:|<anonymous>)/m;

async function run(args: string[], budgetMs: number, problems: string[]): Promise<{ code: number; out: string }> {
  const t0 = performance.now();
  const r = await runCli(args);
  const ms = performance.now() - t0;
  const out = `${r.stdout}\n${r.stderr}`;
  const what = args.slice(0, 1).join(" ");
  if (r.code < 0 || r.code > 3) problems.push(`${what}: exit ${r.code}`);
  if (out.includes("internal error")) problems.push(`${what}: ${out.slice(out.indexOf("internal error"), out.indexOf("internal error") + 200)}`);
  if (STACK.test(out)) problems.push(`${what}: a stack trace`);
  if (ms > budgetMs) problems.push(`${what}: ${Math.round(ms)} ms, over the budget of ${budgetMs} ms`);
  return { code: r.code, out: r.stderr };
}

/** `deep`: a mutant that lints clean is also checked (bounded) and fuzzed (short). */
export async function runSpecMutant(dir: string, name: string, text: string, baseBudgetMs: number, deep = true): Promise<Outcome> {
  const file = join(dir, `${name}.stake`);
  writeFileSync(file, text);
  const budgetMs = budgetFor(baseBudgetMs, text);
  const problems: string[] = [];
  const codes: number[] = [];
  const t0 = performance.now();
  const lint = await run(["lint", file], budgetMs, problems);
  codes.push(lint.code);
  if (lint.code === 2) {
    const located = new RegExp(`(^|\\n)${escape(file)}:\\d+:\\d+: error: |(^|\\n)stakecheck: ${escape(file)}: `);
    if (!located.test(lint.out)) problems.push(`lint: an error without a location: ${lint.out.slice(0, 200)}`);
  } else if (deep) {
    codes.push((await run(["check", file, "--max-states", "3000", "--workers", "1"], budgetMs, problems)).code);
    codes.push((await run(["fuzz", file, "--runs", "20", "--depth", "20", "--seed", "1"], budgetMs, problems)).code);
  }
  return { problems, codes, ms: performance.now() - t0 };
}

export async function runTraceMutant(dir: string, name: string, text: string, baseBudgetMs: number): Promise<Outcome> {
  const file = join(dir, `${name}.itf.json`);
  writeFileSync(file, text);
  const budgetMs = budgetFor(baseBudgetMs, text);
  const problems: string[] = [];
  const t0 = performance.now();
  const r = await run(["replay", file], budgetMs, problems);
  return { problems, codes: [r.code], ms: performance.now() - t0 };
}

/** A run's time budget: the base, plus 25 s per MB of input (parsing is linear in the input, at
 * a few microseconds per byte of blanks and tens per byte of code). */
function budgetFor(baseMs: number, text: string): number {
  return baseMs + (text.length / 1e6) * 25_000;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

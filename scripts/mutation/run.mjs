// `npm run mutation -- [UNIT...] [--report] [STRYKER FLAGS...]`: mutation testing with Stryker,
// one run per unit, then the table of mutation scores per unit.
//
// A unit is a folder of src/ (`src/trace`), a file (`src/vitest.ts`), or a comma-separated list of
// files or globs (`src/trace/itf.ts,src/trace/files.ts`: Stryker splits --mutate on commas, so no
// `{a,b}` globs); with none, every folder of src/ and every file directly in it. Each unit has its own incremental file and reports under
// reports/mutation/ (`src-trace.incremental.json`, `.json`, `.html`), so measuring one folder does
// not throw away what was measured for another, and a second run re-tests only the mutants whose
// code or covering tests changed. `--report` prints the table from the last reports without
// running anything. Other `--flags` go to `stryker run` (e.g. `--concurrency 1`, `--force` to
// ignore the incremental file).
//
// fast-check properties run from one fixed seed (STAKECHECK_SEED, 2026 unless set), so that the
// dry run and every mutant's run generate the same cases.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const reportOnly = args.includes("--report");
const units = [];
const strykerArgs = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--report") continue;
  if (a.startsWith("-")) {
    strykerArgs.push(a);
    // A flag's value follows it unless the flag is a switch (`--force`) or says `--flag=value`.
    if (!a.includes("=") && i + 1 < args.length && !args[i + 1].startsWith("-") && !/^--(force|dryRunOnly|incremental|allowEmpty|fileLogLevel)$/.test(a)) strykerArgs.push(args[++i]);
  } else units.push(a.replace(/\/+$/, ""));
}

const all = readdirSync("src")
  .sort()
  .map((f) => `src/${f}`)
  .filter((f) => statSync(f).isDirectory() || f.endsWith(".ts"));
const chosen = units.length > 0 ? units : all;
for (const u of chosen) {
  if (/[{}]/.test(u) || !u.split(",").every((f) => /^src(\/|$)/.test(f)) || (!isGlob(u) && !existsSync(u))) {
    console.error(`mutation: ${u}: not a folder or file under src/`);
    process.exit(2);
  }
}

function isGlob(unit) {
  return /[*?,]/.test(unit);
}

const slug = (unit) => unit.replace(/[^\w.-]+/g, "-");
const reportFile = (unit) => join("reports", "mutation", `${slug(unit)}.json`);

const cpuTicks = () => {
  // cutime + cstime of this process: the CPU time of the children it has waited for (Linux).
  try {
    const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return Number(f[13]) + Number(f[14]);
  } catch {
    return Number.NaN;
  }
};

if (!reportOnly) {
  for (const unit of chosen) {
    const mutate = isGlob(unit) ? unit : statSync(unit).isDirectory() ? `${unit}/**/*.ts` : unit;
    const t0 = Date.now();
    const c0 = cpuTicks();
    console.log(`\nmutation: ${unit} (--mutate ${mutate})`);
    const r = spawnSync(
      process.execPath,
      ["--import", "./scripts/mutation/typescript-6.mjs", "node_modules/@stryker-mutator/core/bin/stryker.js", "run", "scripts/mutation/stryker.config.mjs", "--mutate", mutate, ...strykerArgs],
      { stdio: "inherit", env: { ...process.env, STAKECHECK_SEED: process.env.STAKECHECK_SEED ?? "2026", STAKECHECK_MUTATION_UNIT: slug(unit) } },
    );
    const wall = (Date.now() - t0) / 1000;
    const cpu = (cpuTicks() - c0) / 100;
    console.log(`mutation: ${unit}: ${wall.toFixed(0)} s wall, ${cpu.toFixed(0)} CPU-s`);
    if (r.status !== 0) {
      console.error(`mutation: stryker exited with ${r.status ?? r.signal} on ${unit}`);
      process.exit(r.status || 1);
    }
  }
}

// The table: one row per unit, from its last JSON report.
const rows = [];
for (const unit of chosen) {
  const file = reportFile(unit);
  if (!existsSync(file)) {
    rows.push([unit, "", "", "", "", "", "not measured"]);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  const n = { Killed: 0, Survived: 0, NoCoverage: 0, Timeout: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
  for (const f of Object.values(report.files)) for (const m of f.mutants) n[m.status] = (n[m.status] ?? 0) + 1;
  const detected = n.Killed + n.Timeout;
  const valid = detected + n.Survived + n.NoCoverage;
  const score = valid === 0 ? "n/a" : `${((100 * detected) / valid).toFixed(1)} %`;
  rows.push([unit, String(n.Killed), String(n.Survived), String(n.NoCoverage), String(n.Timeout), String(n.CompileError), score]);
}
const head = ["unit", "killed", "survived", "no coverage", "timeout", "compile errors", "score"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
console.log(`\n${line(head)}\n| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`);
for (const r of rows) console.log(line(r));
console.log("\nscore = (killed + timeout) / (killed + timeout + survived + no coverage); compile errors are mutants the type checker rejected.");

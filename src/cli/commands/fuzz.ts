import { fuzzModelAsync } from "../../api/fuzz.js";
import { shardOption } from "../../api/shard.js";
import { selectProperties, selectedRefs } from "../../api/check.js";
import { fuzzVerdict, verdictExitCode } from "../../api/verdict.js";
import { loadSpecFile } from "../../api/load.js";
import { compileModel } from "../../compile/compile.js";
import { hasErrors, type Diagnostic } from "../../lang/diagnostic.js";
import { InputError } from "../../lang/read.js";
import { fmtInt, fmtRate } from "../../report/check-text.js";
import { coverageWarnings } from "../../report/coverage.js";
import { renderDiagnostics } from "../../report/diagnostics.js";
import { renderFuzz } from "../../report/fuzz-text.js";
import { badInputSuite } from "../../report/input-errors.js";
import { fuzzSuite } from "../../report/run-result.js";
import { saveViolations, type SavedTrace } from "../../trace/save.js";
import { EXIT } from "../exit.js";
import { fuzzHtml } from "../../html/index.js";
import { htmlPath, writeHtmlFile } from "../html.js";
import { constCombinations, parseConstArg, parseCount } from "../options.js";
import { err, out, useColor } from "../output.js";
import { Progress, parseDuration, progressInterval } from "../progress.js";
import { DEFAULT_RUNS, type WalkProgress } from "../../explore/random.js";
import { beginReports, emitReports, parseReporters, saveDirOption, textWriter } from "../reporters.js";

export interface FuzzCliOptions {
  readonly const?: string[];
  readonly invariant?: string[];
  readonly runs?: string;
  readonly depth?: string;
  readonly time?: string;
  readonly seed?: string;
  readonly swarm?: boolean;
  readonly shrink?: boolean;
  readonly coverage?: boolean;
  /** --save [DIR]: true for the default directory. */
  readonly save?: string | boolean;
  readonly reporter?: string[];
  /** --shard K/N: shard K of an N-shard campaign (src/api/shard.ts). */
  readonly shard?: string;
  /** --html DIR: write an HTML report of the run there. */
  readonly html?: string;
  /** --progress DURATION (text), --no-progress (false). */
  readonly progress?: string | boolean;
}

export { parseDuration } from "../progress.js";

export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InputError(`--seed ${text}: expected a non-negative integer`);
  const n = Number(text);
  if (n > 0xffffffff) throw new InputError(`--seed ${text}: a seed is at most 4294967295`);
  return n;
}

function positive(flag: string, text: string): number {
  const n = parseCount(flag, text);
  if (n < 1) throw new InputError(`${flag} ${text}: expected at least 1`);
  return n;
}

let interrupted = false;

/** `stakecheck fuzz FILE`: random walks; 0 no violation found, 1 violated, 2 bad spec or usage, 3 interrupted. */
export async function fuzzCommand(file: string, o: FuzzCliOptions): Promise<number> {
  interrupted = false;
  const combos = constCombinations((o.const ?? []).map(parseConstArg));
  if (combos.length > 1) throw new InputError("fuzz takes one value per --const (sweeps are for `stakecheck check`)");
  const consts = combos[0];
  // --time means time: without --runs, walks go on until the time is up (or Ctrl-C).
  const runs = o.runs !== undefined ? positive("--runs", o.runs) : o.time !== undefined ? Infinity : undefined;
  const depth = o.depth !== undefined ? positive("--depth", o.depth) : undefined;
  const timeMs = o.time !== undefined ? parseDuration("--time", o.time) : undefined;
  const seed = o.seed !== undefined ? parseSeed(o.seed) : undefined;
  const shard = o.shard !== undefined ? shardOption(o.shard, seed, runs) : undefined;
  const saveDir = saveDirOption(o.save);
  const reporters = parseReporters(o.reporter);
  const write = textWriter(reporters);
  const t0 = performance.now();

  const errColor = useColor(process.stderr);
  // A bad input still gets its CI reports (an error case located on the spec's line).
  const bad = (problem: readonly Diagnostic[] | string): number => {
    if (typeof problem === "string") err(`stakecheck: ${problem}`);
    else err(renderDiagnostics(problem, { color: errColor }));
    if (o.reporter?.length) emitReports({ command: "fuzz", suites: [badInputSuite(file, problem)], seconds: (performance.now() - t0) / 1000, exitCode: EXIT.USAGE }, reporters);
    return EXIT.USAGE;
  };
  let loaded;
  try {
    loaded = loadSpecFile(file, { consts });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return bad(e.message);
  }
  if (!loaded.spec || hasErrors(loaded.diagnostics)) return bad(loaded.diagnostics);
  if (loaded.diagnostics.length) err(renderDiagnostics(loaded.diagnostics, { color: errColor }) + "\n");
  const selection = selectProperties(loaded.spec, o.invariant);
  if ("unknown" in selection) return bad(selection.unknown.join("; "));
  const model = compileModel(loaded.spec);

  beginReports(reporters);
  const everyMs = progressInterval(o.progress);
  const progress = everyMs === null ? null : new Progress({ label: loaded.spec.name, tty: process.stderr.isTTY === true, everyMs });
  const totalRuns = runs ?? DEFAULT_RUNS;
  // The part done: of the runs, or of the time, whichever ends the walks first.
  const done = (p: WalkProgress) => Math.max(p.runs / totalRuns, timeMs !== undefined ? (p.seconds * 1000) / timeMs : 0);
  // A first Ctrl-C stops the walks cleanly (partial results, exit 3); a second one exits at once.
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
  };
  process.on("SIGINT", onSigint);
  let run;
  try {
    run = await fuzzModelAsync(model, selection, {
      ...(seed !== undefined ? { seed } : {}),
      ...(runs !== undefined ? { runs } : {}),
      ...(depth !== undefined ? { depth } : {}),
      ...(timeMs !== undefined ? { timeMs } : {}),
      swarm: o.swarm ?? false,
      shrink: o.shrink !== false,
      ...(shard ? { shard } : {}),
      shouldStop: () => interrupted,
      ...(progress
        ? {
            progressEveryMs: progress.reportEveryMs,
            onProgress: (p: WalkProgress) => progress.update(`${fmtInt(p.runs)} runs · ${fmtInt(p.steps)} steps · ${fmtRate(p.steps / p.seconds)} steps/s`, done(p)),
          }
        : {}),
    });
  } finally {
    process.off("SIGINT", onSigint);
    progress?.clear();
  }
  const constText = loaded.spec.consts.length ? `(${loaded.spec.consts.map((c) => `${c.name} = ${c.value}`).join(", ")})` : "";
  write(renderFuzz(run, constText, { color: write === out && useColor(process.stdout), coverage: o.coverage ?? false }));
  if (!run.violation) {
    const visited = run.walk.stats.steps + run.walk.stats.runs;
    const vacuity = coverageWarnings(model.spec, run.walk.coverage, visited);
    if (vacuity.length) err("\n" + renderDiagnostics(vacuity, { color: errColor }));
  }
  let saved: SavedTrace[] | undefined;
  if (run.violation && saveDir !== null) {
    const flags = { runs: run.runs, depth: run.depth, ...(run.swarm ? { swarm: true } : {}) };
    saved = saveViolations(model, [run.violation], { explorer: { kind: "fuzz", seed: run.seed, flags }, specPath: file, dir: saveDir });
    for (const s of saved) err(`${s.status === "unchanged" ? "already saved" : s.status === "updated" ? "updated" : "saved"}: ${s.path}`);
  }
  const code = verdictExitCode(selectedRefs(model.spec, run.selection).map((p) => fuzzVerdict(run, p)));
  const result = { command: "fuzz" as const, suites: [fuzzSuite(run, saved)], seconds: (performance.now() - t0) / 1000, exitCode: code };
  if (o.html !== undefined) writeHtmlFile(htmlPath(o.html, "fuzz", [file]), fuzzHtml(result, run), "--html");
  if (o.reporter?.length) emitReports(result, reporters);
  return code;
}

import { checkModelAsync, runEnd, runVerdicts, selectProperties, type CheckRun } from "../../api/check.js";
import { verdictExitCode } from "../../api/verdict.js";
import { loadSpecFile } from "../../api/load.js";
import { compileModel } from "../../compile/compile.js";
import { defaultMemoryBytes } from "../../explore/bfs.js";
import { bitstateBitsFor } from "../../explore/bitstate-size.js";
import { MAX_BITSTATE_BITS } from "../../explore/seen.js";
import { hasErrors, type Diagnostic } from "../../lang/diagnostic.js";
import { InputError } from "../../lang/read.js";
import { fmtInt, fmtRate, renderCheck } from "../../report/check-text.js";
import { coverageWarnings } from "../../report/coverage.js";
import { livenessWarnings } from "../../report/liveness-warnings.js";
import { renderDiagnostics } from "../../report/diagnostics.js";
import { badInputSuite } from "../../report/input-errors.js";
import { renderSweep, type SweepRow } from "../../report/sweep-text.js";
import { checkSuite, type SuiteResult } from "../../report/run-result.js";
import { saveViolations } from "../../trace/save.js";
import { beginReports, emitReports, parseReporters, saveDirOption, textWriter } from "../reporters.js";
import { EXIT } from "../exit.js";
import { checkHtml } from "../../html/index.js";
import { htmlPath, writeHtmlFile } from "../html.js";
import { constCombinations, parseBytes, parseConstArg, parseCount } from "../options.js";
import { checkpointOptions, type CheckpointCliOptions } from "../checkpoint-options.js";
import { err, out, useColor } from "../output.js";
import { Progress, progressInterval } from "../progress.js";

export interface CheckCliOptions extends CheckpointCliOptions {
  readonly const?: string[];
  readonly invariant?: string[];
  readonly exact?: boolean;
  readonly maxStates?: string;
  readonly maxDepth?: string;
  readonly memory?: string;
  readonly continue?: boolean;
  readonly coverage?: boolean;
  /** --save [DIR]: true for the default directory. */
  readonly save?: string | boolean;
  readonly reporter?: string[];
  readonly workers?: string;
  readonly bitstate?: string | boolean;
  readonly symmetry?: boolean;
  /** --html DIR: write an HTML report of the run there. */
  readonly html?: string;
  /** --progress DURATION (text), --no-progress (false). */
  readonly progress?: string | boolean;
}

function constsText(consts: Record<string, number | boolean>, spec: { consts: readonly { name: string; value: number | boolean }[] }): string {
  const all = spec.consts.map((c) => `${c.name} = ${consts[c.name] ?? c.value}`);
  return all.length ? `(${all.join(", ")})` : "";
}

let interrupted = false;

function parseWorkers(text: string | undefined): number | "auto" {
  if (text === undefined || text === "auto") return "auto";
  const n = parseCount("--workers", text);
  if (n < 1 || n > 64) throw new InputError(`--workers ${text}: expected a number of threads from 1 to 64, or auto`);
  return n;
}

const MIN_BITSTATE_BYTES = 1024;

/** --bitstate SIZE in bytes, as bits; a bit array too small to hold anything is a usage error. */
function parseBitstate(text: string): number {
  const bytes = parseBytes("--bitstate", text);
  if (bytes < MIN_BITSTATE_BYTES) throw new InputError(`--bitstate ${text}: expected a size of at least 1K (the bit array's bytes, e.g. 256M)`);
  return Math.min(MAX_BITSTATE_BITS, bytes * 8);
}

interface OneRun {
  readonly run: CheckRun | null;
  readonly code: number;
  /** Why the file was not checked: its spec errors, or a one-line problem. */
  readonly bad?: readonly Diagnostic[] | string;
}

/** Checks one file in one configuration; a bad input is reported (on stderr) and returned, so the
 * other files are still checked and the CI reports include it. */
async function runOne(
  file: string,
  consts: Record<string, number | boolean>,
  o: CheckCliOptions,
  sweep: boolean,
  checkpoints: ReturnType<typeof checkpointOptions> = {},
): Promise<OneRun> {
  const color = useColor(process.stderr);
  let loaded;
  try {
    loaded = loadSpecFile(file, { consts });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err(`stakecheck: ${e.message}`);
    return { run: null, code: EXIT.USAGE, bad: e.message };
  }
  const warnings = loaded.diagnostics;
  if (!loaded.spec || hasErrors(warnings)) {
    err(renderDiagnostics(warnings, { color }));
    return { run: null, code: EXIT.USAGE, bad: warnings };
  }
  if (warnings.length && !sweep) err(renderDiagnostics(warnings, { color }) + "\n");
  const selection = selectProperties(loaded.spec, o.invariant);
  if ("unknown" in selection) {
    const message = selection.unknown.join("; ");
    err(`stakecheck: ${message}`);
    return { run: null, code: EXIT.USAGE, bad: message };
  }
  const model = compileModel(loaded.spec);
  const label = sweep ? `${loaded.spec.name} (${Object.entries(consts).map(([k, v]) => `${k} = ${v}`).join(", ")})` : loaded.spec.name;
  const everyMs = progressInterval(o.progress);
  const progress = everyMs === null ? null : new Progress({ label, tty: process.stderr.isTTY === true, everyMs });
  const run = await checkModelAsync(model, selection, {
    exact: o.exact ?? false,
    workers: parseWorkers(o.workers),
    ...(o.bitstate !== undefined ? { bitstate: typeof o.bitstate === "string" ? parseBitstate(o.bitstate) : bitstateBitsFor(model, o.memory ? parseBytes("--memory", o.memory) : defaultMemoryBytes(), o.maxStates ? parseCount("--max-states", o.maxStates) : undefined) } : {}),
    symmetry: o.symmetry !== false,
    ...(o.maxStates ? { maxStates: parseCount("--max-states", o.maxStates) } : {}),
    ...(o.maxDepth !== undefined ? { maxDepth: parseCount("--max-depth", o.maxDepth) } : {}),
    ...(o.memory ? { memoryBytes: parseBytes("--memory", o.memory) } : {}),
    continueAfterViolation: o.continue ?? false,
    ...checkpoints,
    shouldStop: () => interrupted,
    ...(progress
      ? {
          progressEveryMs: progress.reportEveryMs,
          onProgress: (p) => progress.update(`${fmtInt(p.distinct)} distinct states · ${fmtRate(p.distinct / p.seconds)}/s · depth ${p.depth} · queue ${fmtInt(p.queue)}`),
        }
      : {}),
  });
  progress?.clear();
  return { run, code: verdictExitCode(runVerdicts(run).map((x) => x.verdict)) };
}

/** `stakecheck check FILE...`: exhaustive search; 0 all hold, 1 violated, 2 bad spec or usage, 3 stopped early. */
export async function checkCommand(files: string[], o: CheckCliOptions): Promise<number> {
  interrupted = false;
  const combos = constCombinations((o.const ?? []).map(parseConstArg));
  const checkpoints = checkpointOptions(o, files, combos.length);
  const reporters = parseReporters(o.reporter);
  beginReports(reporters);
  const saveDir = saveDirOption(o.save);
  const write = textWriter(reporters);
  const color = useColor(write === out ? process.stdout : process.stderr);
  const suites: SuiteResult[] = [];
  const runs: (CheckRun | null)[] = [];
  const t0 = performance.now();
  const flags = { ...(o.exact ? { exact: true } : {}), ...(o.maxDepth ? { maxDepth: o.maxDepth } : {}), ...(o.maxStates ? { maxStates: o.maxStates } : {}) };
  const finish = (run: CheckRun | null, file: string, bad?: readonly Diagnostic[] | string): void => {
    runs.push(run);
    if (!run) {
      suites.push(badInputSuite(file, bad ?? `${file} has errors`));
      return;
    }
    const saved = saveDir === null ? undefined : saveViolations(run.model, run.result.violations, { explorer: { kind: "bfs", flags }, specPath: file, dir: saveDir });
    for (const s of saved ?? []) err(`${s.status === "unchanged" ? "already saved" : s.status === "updated" ? "updated" : "saved"}: ${s.path}`);
    suites.push(checkSuite(run, saved));
  };
  const onSigint = () => {
    interrupted = true;
  };
  process.on("SIGINT", onSigint);
  let code: number = EXIT.OK;
  try {
    for (const file of files) {
      if (combos.length > 1) {
        const rows: SweepRow[] = [];
        for (const consts of combos) {
          const { run, code: c, bad } = await runOne(file, consts, o, true);
          rows.push({ consts, run });
          finish(run, file, bad);
          code = Math.max(code, c === EXIT.USAGE ? EXIT.USAGE : c);
        }
        write(renderSweep(file, rows, { color }));
        continue;
      }
      const consts = combos[0];
      const { run, code: c, bad } = await runOne(file, consts, o, false, checkpoints);
      code = Math.max(code, c);
      if (run) write(renderCheck(run, constsText(consts, run.model.spec), { color, coverage: o.coverage ?? false }));
      finish(run, file, bad);
      if (!run) continue;
      const vacuity = [...coverageWarnings(run.model.spec, run.result.coverage, run.result.stats.distinct), ...livenessWarnings(run.model, run.result)];
      // Coverage means something only for a search that ran to the end.
      if (vacuity.length && runEnd(run).complete) err("\n" + renderDiagnostics(vacuity, { color: useColor(process.stderr) }));
      if (files.length > 1) write("");
    }
    const result = { command: "check" as const, suites, seconds: (performance.now() - t0) / 1000, exitCode: code };
    if (o.html !== undefined) writeHtmlFile(htmlPath(o.html, "check", files), checkHtml(result, runs), "--html");
    if (o.reporter?.length || suites.length > 1) emitReports(result, reporters);
  } finally {
    process.off("SIGINT", onSigint);
  }
  return code;
}

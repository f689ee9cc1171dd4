import { checkModel, selectProperties, type CheckRun } from "../../api/check.js";
import { loadSpecFile } from "../../api/load.js";
import { compileModel } from "../../compile/compile.js";
import { hasErrors } from "../../lang/diagnostic.js";
import { InputError } from "../../lang/read.js";
import { fmtInt, fmtRate, renderCheck } from "../../report/check-text.js";
import { coverageWarnings } from "../../report/coverage.js";
import { renderDiagnostics } from "../../report/diagnostics.js";
import { renderSweep, type SweepRow } from "../../report/sweep-text.js";
import { EXIT } from "../exit.js";
import { constCombinations, parseBytes, parseConstArg, parseCount } from "../options.js";
import { ProgressLine, err, out, useColor } from "../output.js";

export interface CheckCliOptions {
  readonly const?: string[];
  readonly invariant?: string[];
  readonly exact?: boolean;
  readonly maxStates?: string;
  readonly maxDepth?: string;
  readonly memory?: string;
  readonly continue?: boolean;
  readonly coverage?: boolean;
}

function constsText(consts: Record<string, number | boolean>, spec: { consts: readonly { name: string; value: number | boolean }[] }): string {
  const all = spec.consts.map((c) => `${c.name} = ${consts[c.name] ?? c.value}`);
  return all.length ? `(${all.join(", ")})` : "";
}

let interrupted = false;

function runOne(file: string, consts: Record<string, number | boolean>, o: CheckCliOptions, progress: ProgressLine | null): { run: CheckRun | null; code: number } {
  const color = useColor(process.stderr);
  const loaded = loadSpecFile(file, { consts });
  const warnings = loaded.diagnostics;
  if (!loaded.spec || hasErrors(warnings)) {
    err(renderDiagnostics(warnings, { color }));
    return { run: null, code: EXIT.USAGE };
  }
  if (warnings.length && progress) err(renderDiagnostics(warnings, { color }) + "\n");
  const selection = selectProperties(loaded.spec, o.invariant);
  if ("unknown" in selection) throw new InputError(selection.unknown.join("\n"));
  const model = compileModel(loaded.spec);
  const run = checkModel(model, selection, {
    exact: o.exact ?? false,
    ...(o.maxStates ? { maxStates: parseCount("--max-states", o.maxStates) } : {}),
    ...(o.maxDepth !== undefined ? { maxDepth: parseCount("--max-depth", o.maxDepth) } : {}),
    ...(o.memory ? { memoryBytes: parseBytes("--memory", o.memory) } : {}),
    continueAfterViolation: o.continue ?? false,
    shouldStop: () => interrupted,
    ...(progress
      ? {
          onProgress: (p) =>
            progress.update(`  ${fmtInt(p.distinct)} distinct states · ${fmtRate(p.distinct / p.seconds)}/s · depth ${p.depth} · queue ${fmtInt(p.queue)}`),
        }
      : {}),
  });
  progress?.clear();
  const r = run.result;
  const code = r.violations.length > 0 ? EXIT.VIOLATION : r.limit && (r.limit.kind === "memory" || r.limit.kind === "interrupted") ? EXIT.INCOMPLETE : EXIT.OK;
  return { run, code };
}

/** `stakecheck check FILE...`: exhaustive search; 0 all hold, 1 violated, 2 bad spec or usage, 3 stopped early. */
export async function checkCommand(files: string[], o: CheckCliOptions): Promise<number> {
  const combos = constCombinations((o.const ?? []).map(parseConstArg));
  const color = useColor(process.stdout);
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
          const { run, code: c } = runOne(file, consts, o, null);
          rows.push({ consts, run });
          code = Math.max(code, c === EXIT.USAGE ? EXIT.USAGE : c);
        }
        out(renderSweep(file, rows, { color }));
        continue;
      }
      const consts = combos[0];
      const { run, code: c } = runOne(file, consts, o, new ProgressLine());
      code = Math.max(code, c);
      if (!run) continue;
      out(renderCheck(run, constsText(consts, run.model.spec), { color, coverage: o.coverage ?? false }));
      const vacuity = coverageWarnings(run.model.spec, run.result.coverage, run.result.stats.distinct);
      if (vacuity.length && !run.result.limit) err("\n" + renderDiagnostics(vacuity, { color: useColor(process.stderr) }));
      if (files.length > 1) out("");
    }
  } finally {
    process.off("SIGINT", onSigint);
  }
  return code;
}

import { selectProperties } from "../../api/check.js";
import { loadSpecFile } from "../../api/load.js";
import { compileModel } from "../../compile/compile.js";
import { hasErrors } from "../../lang/diagnostic.js";
import { InputError } from "../../lang/read.js";
import { runAlertCommand } from "../../monitor/alerting.js";
import { reportJson, summaryJson } from "../../monitor/json.js";
import { loadMappingFile, monitorEvents, type MonitorInput } from "../../monitor/monitor.js";
import { DEFAULT_MAX_CANDIDATES } from "../../monitor/session.js";
import { renderReport, renderSummary } from "../../monitor/text.js";
import type { MonitorReport } from "../../monitor/types.js";
import { renderDiagnostics } from "../../report/diagnostics.js";
import { DEFAULT_COUNTEREXAMPLE_DIR } from "../../trace/save.js";
import { EXIT } from "../exit.js";
import { constCombinations, parseConstArg, parseCount } from "../options.js";
import { err, out, useColor } from "../output.js";

export interface MonitorCliOptions {
  readonly events: string;
  readonly follow?: boolean;
  readonly map?: string;
  readonly const?: string[];
  readonly invariant?: string[];
  readonly maxCandidates?: string;
  readonly onBadLine?: string;
  readonly reporter?: string;
  readonly onViolation?: string;
  /** --save DIR, or false for --no-save. */
  readonly save?: string | boolean;
}

function choice<T extends string>(flag: string, text: string | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new InputError(`${flag} ${text}: expected ${allowed.join(" or ")}`);
}

/** `stakecheck monitor SPEC --events FILE`: 0 every event allowed, 1 a violation, 2 bad input, 3 interrupted or inconclusive. */
export async function monitorCommand(specPath: string, o: MonitorCliOptions): Promise<number> {
  const combos = constCombinations((o.const ?? []).map(parseConstArg));
  if (combos.length > 1) throw new InputError("monitor watches one configuration: give each --const a single value");
  const reporter = choice("--reporter", o.reporter, ["text", "json"] as const, "text");
  const onBadLine = choice("--on-bad-line", o.onBadLine, ["stop", "skip"] as const, "stop");
  const maxCandidates = o.maxCandidates === undefined ? DEFAULT_MAX_CANDIDATES : parseCount("--max-candidates", o.maxCandidates);
  if (maxCandidates < 1) throw new InputError(`--max-candidates ${o.maxCandidates}: expected at least 1`);
  if (o.follow && o.events === "-") throw new InputError("--follow reads a file as it grows; standard input (-) is read to its end anyway");
  const loaded = loadSpecFile(specPath, { consts: combos[0] ?? {} });
  if (!loaded.spec || hasErrors(loaded.diagnostics)) {
    err(renderDiagnostics(loaded.diagnostics, { color: useColor(process.stderr) }));
    return EXIT.USAGE;
  }
  const properties = selectProperties(loaded.spec, o.invariant);
  if ("unknown" in properties) throw new InputError(properties.unknown.join("\n"));
  const model = compileModel(loaded.spec);
  const mapping = o.map ? loadMappingFile(o.map, model) : null;
  const saveDir = o.save === false ? null : typeof o.save === "string" ? o.save : DEFAULT_COUNTEREXAMPLE_DIR;
  const source = o.events === "-" ? "<stdin>" : o.events;
  const color = useColor(process.stdout);
  const onReport = (r: MonitorReport) => {
    if (reporter === "json") out(reportJson(r, source));
    else if (r.kind === "violation" || r.kind === "inconclusive") out(renderReport(r, { color, source }));
    else err(renderReport(r, { source }));
  };
  const input: MonitorInput = o.events === "-" ? { stream: process.stdin } : { path: o.events, follow: o.follow ?? false };
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const summary = await monitorEvents(model, input, {
      mapping,
      properties,
      maxCandidates,
      onBadLine,
      saveDir,
      specPath,
      eventsName: source,
      signal: controller.signal,
      onReport,
    });
    if (summary.alert && o.onViolation) {
      const r = await runAlertCommand(o.onViolation, reportJson(summary.alert, source));
      if (r) err(`stakecheck monitor: --on-violation: ${r}`);
    }
    out(reporter === "json" ? summaryJson(summary) : renderSummary(summary));
    return summary.exitCode;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    // Reading standard input keeps the process alive after an early stop.
    if (o.events === "-") process.stdin.destroy();
  }
}

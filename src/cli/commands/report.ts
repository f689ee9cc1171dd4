import { replayExitCode, replayPaths } from "../../api/replay.js";
import { replayHtml } from "../../html/index.js";
import { InputError } from "../../lang/read.js";
import { replayRunResult } from "../../report/replay-text.js";
import { EXIT } from "../exit.js";
import { writeHtmlFile } from "../html.js";

export interface ReportCliOptions {
  readonly out?: string;
  readonly spec?: string;
}

/** `stakecheck report FILE|DIR... -o report.html`: 0 written, 2 a file cannot be read. Each file is
 * replayed on its spec (types, explanation, current verdict); a file whose spec is not found is
 * still shown, from the trace alone. */
export async function reportCommand(paths: string[], o: ReportCliOptions): Promise<number> {
  const t0 = performance.now();
  const outcomes = replayPaths(paths, o.spec ? { specPath: o.spec } : {});
  if (outcomes.length === 0) throw new InputError(`no counterexample files (*.itf.json) in ${paths.join(", ")}`);
  const unreadable = outcomes.filter((x) => x.kind === "error" && !x.trace);
  if (unreadable.length) throw new InputError(unreadable.map((x) => (x.kind === "error" ? x.message : "")).join("\n"));
  const run = replayRunResult(outcomes, { seconds: (performance.now() - t0) / 1000, exitCode: replayExitCode(outcomes), expect: "pass" });
  const n = outcomes.length;
  writeHtmlFile(o.out ?? "report.html", replayHtml(run, outcomes, `stakecheck report: ${n} counterexample${n === 1 ? "" : "s"}`), "-o");
  return EXIT.OK;
}

import { replayExitCode, replayPaths, type ReplayExpectation } from "../../api/replay.js";
import { InputError } from "../../lang/read.js";
import { renderReplayOutcome, replayRunResult } from "../../report/replay-text.js";
import { replayHtml } from "../../html/index.js";
import { htmlPath, writeHtmlFile } from "../html.js";
import { beginReports, emitReports, parseReporters, textWriter } from "../reporters.js";
import { out, useColor } from "../output.js";

export interface ReplayCliOptions {
  readonly spec?: string;
  readonly expect?: string;
  readonly reporter?: string[];
  /** --html DIR: write an HTML report of the replayed files there. */
  readonly html?: string;
}

function parseExpect(text: string | undefined): ReplayExpectation {
  if (text === undefined) return "any";
  if (text === "pass" || text === "violation") return text;
  throw new InputError(`--expect ${text}: expected \`violation\` (every counterexample must still violate) or \`pass\` (every one must now pass)`);
}

/** `stakecheck replay FILE|DIR...`: 0 every counterexample as expected, 1 not, 2 a file or spec cannot be read. */
export async function replayCommand(paths: string[], o: ReplayCliOptions): Promise<number> {
  const expect = parseExpect(o.expect);
  const reporters = parseReporters(o.reporter);
  beginReports(reporters);
  const write = textWriter(reporters);
  const color = useColor(write === out ? process.stdout : process.stderr);
  const t0 = performance.now();
  const outcomes = replayPaths(paths, { expect, ...(o.spec ? { specPath: o.spec } : {}) });
  if (outcomes.length === 0) throw new InputError(`no counterexample files (*.itf.json) in ${paths.join(", ")}`);
  for (const r of outcomes) write(renderReplayOutcome(r, { color }));
  const exitCode = replayExitCode(outcomes);
  const result = replayRunResult(outcomes, { seconds: (performance.now() - t0) / 1000, exitCode, expect });
  if (o.html !== undefined) writeHtmlFile(htmlPath(o.html, "replay", []), replayHtml(result, outcomes), "--html");
  emitReports(result, reporters);
  return exitCode;
}

import { mergeReports } from "../../api/merge.js";
import { readReport } from "../../api/report-read.js";
import { renderMerge } from "../../report/merge-text.js";
import { emitReports, parseReporters, textWriter } from "../reporters.js";
import { out, useColor } from "../output.js";

export interface MergeCliOptions {
  readonly reporter?: string[];
}

/** `stakecheck merge REPORT.json...`: 0 every property holds, 1 one is violated, 2 a bad report,
 * 3 a property was not checked to the end by every part (a missing or interrupted shard). */
export async function mergeCommand(paths: string[], o: MergeCliOptions): Promise<number> {
  const reporters = parseReporters(o.reporter);
  const write = textWriter(reporters);
  const run = mergeReports(paths.map(readReport));
  write(renderMerge(run, { color: useColor(write === out ? process.stdout : process.stderr) }));
  emitReports(run, reporters);
  return run.exitCode;
}

// Re-saves every counterexample file under a directory (default counterexamples/) with the current
// writer, after a change of the file format: same names, same steps and recorded spec hash, the new
// format. Refuses a file whose name would change (its identity is not the format's business).
//   node --import tsx scripts/resave-counterexamples.ts [DIR]
import { writeFileSync } from "node:fs";
import { loadSpecFile } from "../src/api/load.js";
import { resolveSpecPath } from "../src/api/replay.js";
import { compileModel } from "../src/compile/compile.js";
import { renderDiagnostics } from "../src/report/diagnostics.js";
import { traceFiles } from "../src/trace/files.js";
import { readTraceFile } from "../src/trace/read.js";
import { traceFileName, writeTrace } from "../src/trace/write.js";

let changed = 0;
const files = traceFiles([process.argv[2] ?? "counterexamples"]);
for (const file of files) {
  const trace = readTraceFile(file);
  const found = resolveSpecPath(file, trace.spec.path);
  if ("refused" in found) throw new Error(`${file}: ${found.refused}`);
  const specPath = found.path;
  const loaded = loadSpecFile(specPath, { consts: trace.consts });
  if (!loaded.spec) throw new Error(`${file}: ${renderDiagnostics(loaded.diagnostics)}`);
  if (!file.endsWith(traceFileName(trace))) throw new Error(`${file}: its name would change to ${traceFileName(trace)}`);
  const text = writeTrace(compileModel(loaded.spec), trace);
  writeFileSync(file, text);
  changed++;
}
process.stderr.write(`re-saved ${changed} of ${files.length} files\n`);

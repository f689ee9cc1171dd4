// A bad input (a spec with errors, a missing or unreadable file, an unknown property name) as a
// suite of the CI reports: one error case per spec error, located on its line, so a GitHub
// annotation lands there and JUnit counts it; the run goes on with the other files.

import type { Diagnostic } from "../lang/diagnostic.js";
import { renderDiagnostic } from "./diagnostics.js";
import type { CaseResult, SuiteResult } from "./run-result.js";

/** The suite of a file that could not be checked: its error diagnostics, or one plain problem. */
export function badInputSuite(file: string, problem: readonly Diagnostic[] | string): SuiteResult {
  const cases: CaseResult[] =
    typeof problem === "string"
      ? [{ name: file, status: "error", label: "input error", message: problem }]
      : problem
          .filter((d) => d.severity === "error")
          .map((d) => {
            const a = d.file.position(d.span.start);
            const b = d.file.position(Math.max(d.span.start, d.span.end));
            return {
              name: `${d.file.path}:${a.line}:${a.col}`,
              status: "error",
              label: "spec error",
              location: { file: d.file.path, line: a.line, col: a.col, endLine: b.line, endCol: b.col },
              message: d.message,
              details: renderDiagnostic(d),
            };
          });
  return { name: file, file, consts: {}, cases, seconds: 0 };
}

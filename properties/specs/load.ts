// Loading shipped specs for the spec-library tests: through the public API (loadSpecFile), failing
// the test with the rendered diagnostics when a spec does not check.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadSpecFile, type ConstValues } from "../../src/api/load.js";
import type { Diagnostic } from "../../src/lang/diagnostic.js";
import type { Spec } from "../../src/ir/ir.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";

export function loadShipped(path: string, consts: ConstValues = {}): { spec: Spec; diagnostics: readonly Diagnostic[] } {
  const loaded = loadSpecFile(path, { consts });
  if (!loaded.spec) throw new Error(`${path} has errors:\n${renderDiagnostics(loaded.diagnostics)}`);
  return { spec: loaded.spec, diagnostics: loaded.diagnostics };
}

/** The .stake files directly in `dir`, as paths relative to the repository root. */
export function stakeFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".stake"))
    .sort()
    .map((f) => join(dir, f));
}

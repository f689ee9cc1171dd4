import { loadSpecFile } from "../../api/load.js";
import type { Diagnostic } from "../../lang/diagnostic.js";
import { renderDiagnostics, summariseDiagnostics } from "../../report/diagnostics.js";
import { EXIT } from "../exit.js";
import { constCombinations, parseConstArg } from "../options.js";
import { err, out, useColor } from "../output.js";

export interface LintOptions {
  readonly strict?: boolean;
  readonly const?: string[];
}

function constsText(consts: Record<string, number | boolean>): string {
  return Object.entries(consts)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}

/** `stakecheck lint FILE...`: diagnostics like a compiler's; 0 clean, 1 warnings with --strict, 2 errors.
 * A sweep (`--const N=0..5`) lints every configuration; a diagnostic is shown once, under the first
 * configuration that has it. */
export async function lintCommand(files: string[], options: LintOptions): Promise<number> {
  const combos = constCombinations((options.const ?? []).map(parseConstArg));
  const sweep = combos.length > 1;
  const color = useColor(process.stderr);
  let code: number = EXIT.OK;
  for (const file of files) {
    const shown = new Set<string>();
    const all: Diagnostic[] = [];
    const failing: string[] = [];
    for (const consts of combos) {
      const loaded = loadSpecFile(file, { consts });
      const fresh = loaded.diagnostics.filter((d) => {
        const key = renderDiagnostics([d]);
        if (shown.has(key)) return false;
        shown.add(key);
        return true;
      });
      if (fresh.length) err((sweep ? `with ${constsText(consts)}:\n` : "") + renderDiagnostics(fresh, { color }) + "\n");
      all.push(...fresh);
      if (loaded.diagnostics.some((d) => d.severity === "error")) failing.push(constsText(consts));
      else if (options.strict && loaded.diagnostics.length > 0 && code === EXIT.OK) code = EXIT.VIOLATION;
    }
    const where = sweep ? ` in ${combos.length} configurations${failing.length ? `; errors with ${failing.length === combos.length ? "every one" : failing.join("; ")}` : ""}` : "";
    out(`${file}: ${summariseDiagnostics(all)}${where}`);
    if (failing.length) code = EXIT.USAGE;
  }
  return code;
}

import { loadSpecFile } from "../../api/load.js";
import { hasErrors } from "../../lang/diagnostic.js";
import { renderDiagnostics, summariseDiagnostics } from "../../report/diagnostics.js";
import { EXIT } from "../exit.js";
import { constCombinations, parseConstArg } from "../options.js";
import { err, out, useColor } from "../output.js";

export interface LintOptions {
  readonly strict?: boolean;
  readonly const?: string[];
}

/** `stakecheck lint FILE...`: diagnostics like a compiler's; 0 clean, 1 warnings with --strict, 2 errors. */
export async function lintCommand(files: string[], options: LintOptions): Promise<number> {
  const consts = constCombinations((options.const ?? []).map(parseConstArg))[0] ?? {};
  const color = useColor(process.stderr);
  let code: number = EXIT.OK;
  for (const file of files) {
    const loaded = loadSpecFile(file, { consts });
    if (loaded.diagnostics.length) err(renderDiagnostics(loaded.diagnostics, { color }) + "\n");
    out(`${file}: ${summariseDiagnostics(loaded.diagnostics)}`);
    if (hasErrors(loaded.diagnostics)) code = EXIT.USAGE;
    else if (options.strict && loaded.diagnostics.length > 0 && code === EXIT.OK) code = EXIT.VIOLATION;
  }
  return code;
}

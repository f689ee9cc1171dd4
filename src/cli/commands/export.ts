import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpecText } from "../../api/load.js";
import { ExportError, exportTla } from "../../export/index.js";
import { hasErrors } from "../../lang/diagnostic.js";
import { InputError, readSpecFile } from "../../lang/read.js";
import { renderDiagnostics } from "../../report/diagnostics.js";
import { EXIT } from "../exit.js";
import { constCombinations, parseConstArg } from "../options.js";
import { err, out, useColor } from "../output.js";

export interface ExportCliOptions {
  readonly tla?: boolean;
  readonly out?: string;
  readonly const?: string[];
}

/** `stakecheck export --tla FILE -o DIR`: 0 written, 2 bad spec, flag, or a construct the export cannot write. */
export async function exportCommand(file: string, o: ExportCliOptions): Promise<number> {
  if (!o.tla) throw new InputError("export writes TLA+ only for now: give --tla");
  if (!o.out) throw new InputError("export needs a directory to write to: -o DIR");
  const combos = constCombinations((o.const ?? []).map(parseConstArg));
  if (combos.length > 1) throw new InputError("export writes one configuration: give each --const a single value");
  const loaded = loadSpecText(readSpecFile(file), file, { consts: combos[0] ?? {} });
  if (loaded.diagnostics.length) err(renderDiagnostics(loaded.diagnostics, { color: useColor(process.stderr) }));
  if (!loaded.spec || hasErrors(loaded.diagnostics)) return EXIT.USAGE;
  let exp;
  try {
    exp = exportTla(loaded.spec, { specPath: file });
  } catch (e) {
    if (e instanceof ExportError) {
      err(`stakecheck export: ${e.message}`);
      return EXIT.USAGE;
    }
    throw e;
  }
  const tla = join(o.out, `${exp.name}.tla`);
  const cfg = join(o.out, `${exp.name}.cfg`);
  try {
    mkdirSync(o.out, { recursive: true });
    writeFileSync(tla, exp.tla);
    writeFileSync(cfg, exp.cfg);
  } catch (e) {
    throw new InputError(`${o.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const consts = exp.constants.length ? ` (${exp.constants.map(([n, v]) => `${n} = ${v}`).join(", ")})` : "";
  out(`wrote ${tla} (${exp.tla.split("\n").length - 1} lines) and ${cfg} from ${file}${consts}`);
  if (exp.renamings.length) out(`  ${exp.renamings.length} name${exp.renamings.length === 1 ? "" : "s"} renamed for TLA+ (listed in a comment at the top of the module)`);
  out(`  run: java -cp tla2tools.jar tlc2.TLC -workers auto -deadlock -config ${exp.name}.cfg ${exp.name}.tla`);
  return EXIT.OK;
}

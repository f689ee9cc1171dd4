import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { codegen } from "../../api/codegen.js";
import { hasErrors } from "../../lang/diagnostic.js";
import { InputError } from "../../lang/read.js";
import { renderDiagnostics } from "../../report/diagnostics.js";
import { EXIT } from "../exit.js";
import { constCombinations, parseConstArg } from "../options.js";
import { err, out, useColor } from "../output.js";
import { shellCommand } from "../../util/shell.js";

export interface CodegenCliOptions {
  readonly out?: string;
  readonly const?: string[];
  readonly check?: boolean;
}

/** The current content of the output file, or null when there is none; a directory or an
 * unreadable file is a usage error. */
function existingOutput(path: string, spec: string): string | null {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return null;
  }
  if (stat.isDirectory()) throw new InputError(`-o ${path}: is a directory; give the module's file name, e.g. ${join(path, `${basename(spec, ".stake")}.gen.ts`)}`);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(`-o ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** `stakecheck codegen FILE [-o OUT.ts]`: 0 written (or up to date), 1 out of date (--check), 2 bad spec or usage. */
export async function codegenCommand(file: string, o: CodegenCliOptions): Promise<number> {
  const constArgs = o.const ?? [];
  const combos = constCombinations(constArgs.map(parseConstArg));
  if (combos.length > 1) throw new InputError("codegen generates one configuration: give each --const a single value");
  if (o.check && !o.out) throw new InputError("--check compares with the file given by -o");
  const command = shellCommand("stakecheck codegen", [file, ...constArgs.flatMap((c) => ["--const", c]), ...(o.out ? ["-o", o.out] : [])]);
  const r = await codegen(file, { consts: combos[0] ?? {}, command });
  if (r.diagnostics.length) err(renderDiagnostics(r.diagnostics, { color: useColor(process.stderr) }) + (r.text === null ? "" : "\n"));
  if (r.text === null || hasErrors(r.diagnostics)) return EXIT.USAGE;
  if (!o.out) {
    process.stdout.write(r.text);
    return EXIT.OK;
  }
  const old = existingOutput(o.out, file);
  if (o.check) {
    if (old === r.text) {
      out(`${o.out} is up to date with ${file}`);
      return EXIT.OK;
    }
    err(`${o.out} is ${old === null ? "missing" : "out of date"}: regenerate it with\n  ${command}`);
    return EXIT.VIOLATION;
  }
  if (old === r.text) {
    out(`${o.out} is up to date with ${file}`);
    return EXIT.OK;
  }
  try {
    writeFileSync(o.out, r.text);
  } catch (e) {
    throw new InputError(`${o.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  out(`wrote ${o.out} (${r.text.split("\n").length - 1} lines) from ${file}`);
  return EXIT.OK;
}

import { hasErrors } from "../../lang/diagnostic.js";
import { parseSpec } from "../../lang/parse.js";
import { readSpecFile } from "../../lang/read.js";
import { renderDiagnostics } from "../../report/diagnostics.js";
import { EXIT } from "../exit.js";
import { err, out, useColor } from "../output.js";

/** `stakecheck parse FILE`: the syntax tree as JSON, spans with line and column. */
export async function parseCommand(file: string): Promise<number> {
  const r = parseSpec(readSpecFile(file), file);
  if (r.diagnostics.length) err(renderDiagnostics(r.diagnostics, { color: useColor(process.stderr) }));
  if (!r.ast || hasErrors(r.diagnostics)) return EXIT.USAGE;
  const withPositions = (key: string, value: unknown) => {
    if ((key === "span" || key === "opSpan") && value && typeof value === "object" && "start" in value) {
      const s = value as { start: number; end: number };
      const p = r.file.position(s.start);
      return { start: s.start, end: s.end, line: p.line, col: p.col };
    }
    return value;
  };
  out(JSON.stringify(r.ast, withPositions, 2));
  return EXIT.OK;
}

// What `stakecheck lint` prints for a text, read back from its output: the reference the language
// server's diagnostics are compared with.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../support/cli.js";

export interface Printed {
  readonly line: number;
  readonly col: number;
  readonly severity: "error" | "warning";
  /** The message, and the hint on a line of its own as the server shows it. */
  readonly message: string;
}

export async function lintDiagnostics(text: string): Promise<Printed[]> {
  const dir = mkdtempSync(join(tmpdir(), "stakecheck-lsp-lint-"));
  const path = join(dir, "spec.stake");
  try {
    writeFileSync(path, text);
    const r = await runCli(["lint", path]);
    const out: Printed[] = [];
    for (const line of r.stderr.split("\n")) {
      const head = /^(.*):(\d+):(\d+): (error|warning): (.*)$/.exec(line);
      if (head && head[1] === path) out.push({ line: Number(head[2]), col: Number(head[3]), severity: head[4] as Printed["severity"], message: head[5] });
      const hint = /^ +\S* *= hint: (.*)$/.exec(line);
      if (hint && out.length) {
        const last = out.pop()!;
        out.push({ ...last, message: `${last.message}\nhint: ${hint[1]}` });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

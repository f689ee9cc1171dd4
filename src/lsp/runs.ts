// The code lenses' "check" and "fuzz": the CLI run on the document's text as the editor holds it
// (saved or not), its JSON report read back. A result belongs to the exact text it was run on: once
// the text changes, it is not shown (a property is never shown as holding for a spec it was not
// checked on); undoing the edit brings it back.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CaseResult } from "../report/run-result.js";
import type { ConstOverrides } from "./analysis.js";

export type RunKind = "check" | "fuzz";

export interface CaseOutcome {
  readonly kind: RunKind;
  readonly status: CaseResult["status"];
  readonly label: string;
  readonly message?: string;
  readonly steps?: number;
}

/** What a run answers, also the command's result. */
export interface RunOutcome {
  readonly kind: RunKind;
  readonly exitCode: number;
  /** The CLI's one-line summary, or its first error line. */
  readonly summary: string;
  /** By property name (`conservation`), as the JSON report gives them. */
  readonly cases: Readonly<Record<string, CaseOutcome>>;
  /** The text report, with the temporary file's path replaced by the document's. */
  readonly output: string;
}

/** The parts of the JSON report (`--reporter json`, docs/counterexamples.md) read here. */
interface JsonReport {
  readonly exitCode: number;
  readonly summary: string;
  readonly suites: readonly { readonly cases: readonly CaseResult[] }[];
}

const CLI = fileURLToPath(new URL("../../bin/stakecheck.js", import.meta.url));

interface DocRuns {
  text: string;
  cases: Map<string, CaseOutcome>;
}

export class Runs {
  private readonly results = new Map<string, DocRuns>();
  private readonly running = new Map<string, { kind: RunKind; property: string | null; child: ChildProcess }>();

  /** The last result for a property of the document with exactly this text. */
  result(uri: string, text: string, property: string): CaseOutcome | undefined {
    const r = this.results.get(uri);
    return r && r.text === text ? r.cases.get(property) : undefined;
  }

  /** What is running for a document: a run of one property, or of all (property null). */
  runningFor(uri: string): { kind: RunKind; property: string | null } | undefined {
    return this.running.get(uri);
  }

  async run(uri: string, path: string, text: string, kind: RunKind, property: string | null, consts: ConstOverrides): Promise<RunOutcome> {
    this.running.get(uri)?.child.kill();
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-lsp-"));
    const file = join(dir, basename(path).endsWith(".stake") ? basename(path) : "spec.stake");
    const report = join(dir, "report.json");
    writeFileSync(file, text);
    const args = [CLI, kind, file, "--reporter", `json:${report}`, "--no-color"];
    if (property !== null) args.push("--invariant", property);
    for (const [k, v] of Object.entries(consts)) args.push("--const", `${k}=${v}`);
    try {
      const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
      this.running.set(uri, { kind, property, child });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on("data", (b: Buffer) => out.push(b));
      child.stderr!.on("data", (b: Buffer) => err.push(b));
      const exitCode = await new Promise<number>((resolve) => {
        child.on("close", (code, signal) => resolve(code ?? (signal ? 130 : 70)));
        child.on("error", () => resolve(70));
      });
      if (this.running.get(uri)?.child === child) this.running.delete(uri);
      const output = (Buffer.concat(out).toString("utf8") + Buffer.concat(err).toString("utf8")).replaceAll(file, path);
      let json: JsonReport | undefined;
      try {
        json = JSON.parse(readFileSync(report, "utf8")) as JsonReport;
      } catch {
        json = undefined;
      }
      const cases: Record<string, CaseOutcome> = {};
      for (const s of json?.suites ?? []) {
        for (const c of s.cases) {
          if (!c.property || c.property.kind === "well_typed" || c.property.kind === "conformance") continue;
          cases[c.property.name] = { kind, status: c.status, label: c.label, ...(c.message ? { message: c.message } : {}), ...(c.steps !== undefined ? { steps: c.steps } : {}) };
        }
      }
      if (json) {
        const mine = this.results.get(uri);
        const doc = mine && mine.text === text ? mine : { text, cases: new Map<string, CaseOutcome>() };
        for (const [name, c] of Object.entries(cases)) doc.cases.set(name, c);
        this.results.set(uri, doc);
      }
      // A spec or usage error: its first line says more than the summary.
      const lines = output.split("\n");
      const firstError = lines.find((l) => / error: |^stakecheck: /.test(l)) ?? lines.find((l) => l.trim() !== "") ?? `stakecheck ${kind} exited with code ${exitCode}`;
      const summary = (exitCode === 2 || !json ? firstError : json.summary).replaceAll(file, path);
      return { kind, exitCode, summary, cases, output };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  stopAll(): void {
    for (const r of this.running.values()) r.child.kill();
    this.running.clear();
  }
}

/** How a lens shows a property's last result, by the one verdict rule of the reports: "holds" only
 * for a property checked to the end. */
export function outcomeTitle(c: CaseOutcome): string {
  if (c.status === "failed") {
    const n = c.steps ?? 0;
    return `${c.kind}: ✗ violated ${n === 0 ? "in the initial state" : `in ${n} step${n === 1 ? "" : "s"}`}`;
  }
  if (c.status === "passed" && c.label === "holds") return `${c.kind}: ✓ holds`;
  return `${c.kind}: ${c.label}${c.message ? ` (${c.message})` : ""}`;
}

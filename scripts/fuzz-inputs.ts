// The standing robustness campaign: `npm run fuzz-inputs [-- --specs N --traces M --seed S
// --workers W --budget 10s --deep-every 10 --spec-from I --trace-from J]`. Mutates every shipped spec and counterexample file (token and byte
// mutations, odd line terminators, BOMs, huge numbers, deep nesting, huge files, names that look
// alike: properties/robustness/mutate.ts) and runs each mutant through the CLI as a user would
// (properties/robustness/run-one.ts), asserting: no exit code outside 0-3, no internal error or
// stack trace, every spec error located, no run over its budget. Each worker is a child process,
// so a crash (a V8 abort) or a hang is caught and reported with the mutant that caused it; every
// mutant is replayable alone with `--only spec:I` or `--only trace:I` and the same seed. A mutant
// is a function of the seed and its number only, so a campaign can run in parts: `--spec-from I`
// runs spec mutants I .. I + N - 1 (likewise `--trace-from`), and parts that cover 0 .. N - 1
// between them are the campaign of N.
// Not part of `npm test`; properties/robustness/smoke.test.ts is its CI-sized version.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Rng } from "../src/explore/rng.js";
import { mutateSpec, mutateTrace, sources } from "../properties/robustness/mutate.js";
import { runSpecMutant, runTraceMutant } from "../properties/robustness/run-one.js";

type Kind = "spec" | "trace";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function count(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.replace(/_/g, ""));
  if (!m) throw new Error(`not a count: ${text}`);
  return Math.round(Number(m[1]) * ({ "": 1, k: 1e3, m: 1e6 } as Record<string, number>)[m[2].toLowerCase()]);
}

const seed = Number(arg("seed", String((Math.random() * 2 ** 31) | 0))) | 0;
const budgetMs = Number(arg("budget", "10s").replace(/s$/, "")) * 1000;
/** Every how many spec mutants one that lints clean is also checked and fuzzed (lint is fast). */
const deepEvery = Number(arg("deep-every", "10"));

/** The mutant number `i` of a kind: a pure function of the seed and `i`. */
function mutant(kind: Kind, i: number): { name: string; source: string; mutation: string; text: string } {
  const all = sources();
  const r = new Rng((seed + Math.imul(i + 1, 0x9e3779b9)) | 0);
  const list = kind === "spec" ? all.specs : all.traces;
  const src = list[r.below(list.length)];
  const m = kind === "spec" ? mutateSpec(src.text, r) : mutateTrace(src.text, r);
  return { name: `${kind}-${i}`, source: src.path, mutation: m.kind, text: m.text };
}

async function child(kind: Kind, from: number, to: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "stakecheck-fuzz-inputs-"));
  try {
    for (let i = from; i < to; i++) {
      const m = mutant(kind, i);
      process.stdout.write(`${JSON.stringify({ start: i, source: m.source, mutation: m.mutation, bytes: m.text.length })}\n`);
      const o = kind === "spec" ? await runSpecMutant(dir, m.name, m.text, budgetMs, i % deepEvery === 0) : await runTraceMutant(dir, m.name, m.text, budgetMs);
      process.stdout.write(`${JSON.stringify({ done: i, problems: o.problems, ms: Math.round(o.ms) })}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Finding {
  readonly kind: Kind;
  readonly i: number;
  readonly source: string;
  readonly mutation: string;
  readonly problems: string[];
}

/** Runs mutants [from, to) of a kind in child processes, restarting after a crash or a hang. */
async function range(kind: Kind, from: number, to: number, findings: Finding[], tick: () => void): Promise<void> {
  let next = from;
  while (next < to) {
    const start = next;
    let current: { i: number; source: string; mutation: string } | null = null;
    let timer: NodeJS.Timeout | undefined;
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn(process.execPath, ["--import", "tsx", "scripts/fuzz-inputs.ts", "--child", kind, "--from", String(start), "--to", String(to), "--seed", String(seed), "--budget", `${budgetMs / 1000}s`, "--deep-every", String(deepEvery)], {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, NO_COLOR: "1" },
      });
      const arm = (bytes = 0) => {
        clearTimeout(timer);
        // A hang: the budget of one mutant's three commands (which grows with its size), and some.
        timer = setTimeout(() => p.kill("SIGKILL"), (budgetMs + (bytes / 1e6) * 25_000) * 4 + 30_000);
      };
      arm();
      createInterface({ input: p.stdout! }).on("line", (line) => {
        const msg = JSON.parse(line) as { start?: number; done?: number; source?: string; mutation?: string; bytes?: number; problems?: string[] };
        if (msg.start !== undefined) {
          current = { i: msg.start, source: msg.source!, mutation: msg.mutation! };
          arm(msg.bytes);
        } else if (msg.done !== undefined) {
          if (msg.problems!.length && current) findings.push({ kind, ...current, problems: msg.problems! });
          next = msg.done + 1;
          current = null;
          tick();
        }
      });
      p.on("close", (c) => resolve(c));
    });
    clearTimeout(timer);
    if (code !== 0 && current) {
      const c: { i: number; source: string; mutation: string } = current;
      findings.push({ kind, ...c, problems: [`the process died (exit ${code}): a crash, an abort or a hang`] });
      next = c.i + 1;
      tick();
    } else if (code !== 0) {
      throw new Error(`a worker failed before its first mutant (exit ${code})`);
    }
  }
}

/** CPU seconds of the child processes waited for (Linux: cutime + cstime of /proc/self/stat). */
function childCpuSeconds(): number {
  try {
    const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function main(): Promise<number> {
  const childKind = arg("child", "");
  if (childKind) {
    await child(childKind as Kind, Number(arg("from", "0")), Number(arg("to", "0")));
    return 0;
  }
  const only = arg("only", "");
  if (only) {
    const [kind, i] = only.split(":");
    const m = mutant(kind as Kind, Number(i));
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-fuzz-inputs-"));
    console.log(`${m.name}: ${m.source}, ${m.mutation}; written to ${join(dir, m.name)}${kind === "spec" ? ".stake" : ".itf.json"}`);
    const o = kind === "spec" ? await runSpecMutant(dir, m.name, m.text, budgetMs) : await runTraceMutant(dir, m.name, m.text, budgetMs);
    console.log(o.problems.length ? o.problems.join("\n") : `handled well (exit ${o.codes.join(", ")}, ${Math.round(o.ms)} ms)`);
    return o.problems.length ? 1 : 0;
  }
  const specs = count(arg("specs", "1M"));
  const traces = count(arg("traces", "100k"));
  const specFrom = count(arg("spec-from", "0"));
  const traceFrom = count(arg("trace-from", "0"));
  const span = (from: number, n: number) => (from === 0 ? "" : ` (numbers ${from.toLocaleString("en-US")} to ${(from + n - 1).toLocaleString("en-US")})`);
  const workers = Number(arg("workers", String(cpus().length)));
  const findings: Finding[] = [];
  const t0 = performance.now();
  let done = 0;
  const total = specs + traces;
  let last = 0;
  const tick = () => {
    done++;
    const now = performance.now();
    if (now - last > 10_000) {
      last = now;
      console.error(`  ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} mutants, ${findings.length} findings, ${((now - t0) / 1000).toFixed(0)} s`);
    }
  };
  const what = `${specs.toLocaleString("en-US")} spec mutants${span(specFrom, specs)}, ${traces.toLocaleString("en-US")} counterexample mutants${span(traceFrom, traces)}, seed ${seed}`;
  console.error(`stakecheck fuzz-inputs: ${what}, ${workers} worker${workers === 1 ? "" : "s"}, budget ${budgetMs / 1000} s per command`);
  const jobs: Promise<void>[] = [];
  const share = (n: number, w: number, k: number) => [Math.floor((n * k) / w), Math.floor((n * (k + 1)) / w)];
  for (let k = 0; k < workers; k++) {
    const [a, b] = share(specs, workers, k);
    const [c, d] = share(traces, workers, k);
    jobs.push(range("spec", specFrom + a, specFrom + b, findings, tick).then(() => range("trace", traceFrom + c, traceFrom + d, findings, tick)));
  }
  await Promise.all(jobs);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage();
  const children = childCpuSeconds();
  console.log(`stakecheck fuzz-inputs: ${findings.length ? "FAILED" : "OK"} · ${what} · ${findings.length} findings · ${seconds.toFixed(0)} s${Number.isFinite(children) ? `, ${(children + (cpu.user + cpu.system) / 1e6).toFixed(0)} CPU s` : ""}`);
  for (const f of findings.slice(0, 50)) console.log(`  --only ${f.kind}:${f.i}  ${f.source} (${f.mutation}): ${f.problems.join("; ")}`);
  return findings.length ? 1 : 0;
}

process.exitCode = await main();

// `stakecheck merge REPORT.json...`: the JSON reports of several runs (the shards of one fuzz
// campaign, or check runs split over machines) combined into one run result, under the project's
// one verdict rule: a property holds only if no run violated it and every run checked it to the end
// (so a missing shard, an interrupted one, or one that stopped at another property's violation
// leaves it unknown); a violated property keeps the shortest counterexample any run found.

import { InputError } from "../lang/read.js";
import type { CaseResult, RunResult, SuiteResult, SuiteShard } from "../report/run-result.js";
import type { ReportDoc } from "./report-read.js";

/** A merged suite, and where its parts came from (for the text report). */
export interface MergedSuite extends SuiteResult {
  /** The campaign, when the parts were shards of one. */
  readonly campaign?: Omit<SuiteShard, "index">;
  /** The parts' shard numbers (or 0 for a report that is not a shard), in input order. */
  readonly parts: readonly { readonly path: string; readonly shard: number }[];
  /** Per case name: the part whose counterexample was kept. */
  readonly foundBy: ReadonlyMap<string, { readonly path: string; readonly shard: number }>;
}

export interface MergedRun extends RunResult {
  readonly suites: readonly MergedSuite[];
}

interface Part {
  readonly path: string;
  readonly suite: SuiteResult;
}

function groupKey(s: SuiteResult): string {
  const consts = Object.keys(s.consts)
    .sort()
    .map((k) => [k, s.consts[k]]);
  return JSON.stringify([s.file, s.name, consts]);
}

function campaignOf(s: SuiteShard): string {
  return `${s.count} shards, seed ${s.seed}, ${s.runs} runs, depth ${s.depth}${s.swarm ? ", swarm" : ""}`;
}

/** The shards of a group: all of one campaign, each once; which are missing. */
function checkShards(parts: readonly Part[], specName: string): { campaign?: Omit<SuiteShard, "index">; missing: number[] } {
  const shards = parts.filter((p) => p.suite.shard);
  if (shards.length === 0) return { missing: [] };
  const first = shards[0];
  const plain = parts.find((p) => !p.suite.shard);
  if (plain) throw new InputError(`${plain.path} is not a shard, but ${first.path} is a shard of a campaign on ${specName}: merge the shards of one campaign together`);
  const { index: _index, ...campaign } = first.suite.shard!;
  const seen = new Map<number, string>();
  for (const p of shards) {
    const s = p.suite.shard!;
    if (campaignOf(s) !== campaignOf(first.suite.shard!)) {
      throw new InputError(`${p.path} and ${first.path} are shards of different campaigns on ${specName} (${campaignOf(s)} vs ${campaignOf(first.suite.shard!)})`);
    }
    const dup = seen.get(s.index);
    if (dup !== undefined) throw new InputError(`shard ${s.index}/${s.count} of ${specName} is in two reports: ${dup} and ${p.path}`);
    seen.set(s.index, p.path);
  }
  const missing: number[] = [];
  for (let k = 1; k <= campaign.count; k++) if (!seen.has(k)) missing.push(k);
  return { campaign, missing };
}

function partName(p: Part): string {
  return p.suite.shard ? `shard ${p.suite.shard.index}/${p.suite.shard.count}` : p.path;
}

/** `shard 2/4`, `shards 1, 3 and 4 of 4`, or the reports' paths. */
function partsName(parts: readonly Part[]): string {
  const shards = parts.map((p) => p.suite.shard).filter((s) => s !== undefined);
  if (shards.length !== parts.length || parts.length === 1) return parts.map(partName).join(", ");
  const ks = shards.map((s) => s.index).sort((a, b) => a - b);
  return `shards ${ks.slice(0, -1).join(", ")} and ${ks[ks.length - 1]} of ${shards[0].count}`;
}

/** Why a part did not check every property to the end, or null if it did. */
function partStopped(p: Part, command: RunResult["command"]): string | null {
  if (p.suite.incomplete !== undefined) return `stopped early (${p.suite.incomplete})`;
  // Fuzzing stops at the first violation (a check's report marks what it left unchecked itself).
  const bad = command === "fuzz" ? p.suite.cases.find((c) => c.status === "failed" || c.status === "error") : undefined;
  if (bad) return `stopped at ${bad.status === "failed" ? `the violation of ${bad.property?.name ?? bad.name}` : "an error"}`;
  return null;
}

/** Why a part left a property unknown, in the words of a merged report. */
function skippedWhy(p: Part, c: CaseResult, command: RunResult["command"]): string {
  if (c.stopped === "interrupted") return "stopped early (interrupted)";
  if (c.stopped === "violation") return partStopped(p, command) ?? c.message ?? c.label;
  return c.message ?? c.label;
}

function mergeCase(name: string, parts: readonly Part[], missing: readonly string[], command: RunResult["command"]): { merged: CaseResult; by?: Part } {
  const own = parts.map((p) => ({ p, c: p.suite.cases.find((c) => c.name === name) }));
  const failed = own.filter((x) => x.c?.status === "failed");
  if (failed.length) {
    // The shortest counterexample; among equals, the first part given.
    const best = failed.reduce((a, b) => ((b.c!.steps ?? Infinity) < (a.c!.steps ?? Infinity) ? b : a));
    return { merged: best.c!, by: best.p };
  }
  const error = own.find((x) => x.c?.status === "error");
  if (error) return { merged: error.c! };
  const template = own.find((x) => x.c)!.c!;
  // Parts by the reason they did not check this property to the end.
  const reasons = new Map<string, Part[]>();
  const add = (why: string, p: Part) => reasons.set(why, [...(reasons.get(why) ?? []), p]);
  for (const { p, c } of own) {
    if (!c) add("did not check it", p);
    else if (c.status === "skipped") add(skippedWhy(p, c, command), p);
    else {
      const stopped = partStopped(p, command);
      if (stopped) add(stopped, p);
    }
  }
  const why = [...missing, ...[...reasons].map(([r, ps]) => `${partsName(ps)} ${r}`)];
  const base = { name: template.name, ...(template.property ? { property: template.property } : {}), ...(template.location ? { location: template.location } : {}) };
  if (why.length) return { merged: { ...base, status: "skipped", label: "not proved", message: `not checked to the end: ${why.join("; ")}` } };
  if (command === "fuzz") {
    const runs = parts.reduce((n, p) => n + (p.suite.stats?.runs ?? 0), 0);
    return { merged: { ...base, status: "passed", label: `not violated in ${runs.toLocaleString("en-US")} runs` } };
  }
  return { merged: { ...base, status: "passed", label: template.label } };
}

function mergeStats(parts: readonly Part[], command: RunResult["command"], campaign?: Omit<SuiteShard, "index">): Record<string, number> | undefined {
  if (command !== "fuzz") return parts[0].suite.stats;
  const sum = (k: string) => parts.reduce((n, p) => n + (p.suite.stats?.[k] ?? 0), 0);
  return { runs: sum("runs"), steps: sum("steps"), ...(campaign ? { seed: campaign.seed, shards: campaign.count } : {}) };
}

function mergeSuite(parts: readonly Part[], command: RunResult["command"]): MergedSuite {
  const first = parts[0].suite;
  const { campaign, missing } = checkShards(parts, first.name);
  const missingText = missing.map((k) => `shard ${k}/${campaign!.count} is missing`);
  const names: string[] = [];
  for (const p of parts) for (const c of p.suite.cases) if (!names.includes(c.name)) names.push(c.name);
  const foundBy = new Map<string, { path: string; shard: number }>();
  const cases = names.map((name) => {
    const { merged, by } = mergeCase(name, parts, missingText, command);
    if (by) foundBy.set(name, { path: by.path, shard: by.suite.shard?.index ?? 0 });
    return merged;
  });
  const incomplete = [...missingText, ...parts.filter((p) => p.suite.incomplete !== undefined).map((p) => `${partName(p)} stopped early (${p.suite.incomplete})`)];
  const stats = mergeStats(parts, command, campaign);
  return {
    name: first.name,
    file: first.file,
    consts: first.consts,
    cases,
    seconds: Math.max(...parts.map((p) => p.suite.seconds)),
    ...(stats ? { stats } : {}),
    ...(incomplete.length ? { incomplete: incomplete.join("; ") } : {}),
    ...(campaign ? { campaign } : {}),
    parts: parts.map((p) => ({ path: p.path, shard: p.suite.shard?.index ?? 0 })),
    foundBy,
  };
}

/** 1 a property violated, 2 an error case, 3 a property not proved, else 0. */
export function mergedExitCode(suites: readonly SuiteResult[]): number {
  const all = suites.flatMap((s) => s.cases);
  if (all.some((c) => c.status === "failed")) return 1;
  if (all.some((c) => c.status === "error")) return 2;
  if (all.some((c) => c.status === "skipped")) return 3;
  return 0;
}

/** Combines reports of one command; throws InputError when they cannot be one run. */
export function mergeReports(docs: readonly ReportDoc[]): MergedRun {
  if (docs.length === 0) throw new InputError("merge needs at least one report");
  const command = docs[0].command;
  const other = docs.find((d) => d.command !== command);
  if (other) throw new InputError(`${other.path} is a \`${other.command}\` report and ${docs[0].path} a \`${command}\` report: merge reports of one command`);
  if (command === "replay") throw new InputError(`${docs[0].path} is a replay report: merge combines check and fuzz reports`);
  const groups = new Map<string, Part[]>();
  for (const d of docs) {
    for (const suite of d.suites) {
      const key = groupKey(suite);
      const g = groups.get(key) ?? [];
      groups.set(key, [...g, { path: d.path, suite }]);
    }
  }
  const suites = [...groups.values()].map((parts) => mergeSuite(parts, command));
  return {
    command,
    suites,
    seconds: Math.max(...docs.map((d) => d.seconds)),
    exitCode: mergedExitCode(suites),
    merged: docs.reduce((n, d) => n + d.reports, 0),
  };
}

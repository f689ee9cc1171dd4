// docs/ci.md and docs/scale.md run as shown. Conventions:
// - every `run:` line of a ```yaml block that calls `npx stakecheck` is run, once per matrix value,
//   with `${{ matrix.shard }}` and `${{ github.run_number }}` (7) filled in and `reports/` in a
//   temporary directory; a printed output block (```, after "prints") is compared, timings aside;
// - every line of a ```sh block that starts with `npx stakecheck` is run; its exit code is the one
//   the line's `# exit N` comment gives (0 without one), and the doc's text that quotes what it
//   prints is checked against what it prints.

import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

function blocks(doc: string, lang: string): string[] {
  return [...doc.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```$", "gm"))].map((m) => m[1]);
}

/** The first plain ``` block after the line containing `marker`. */
function printedAfter(doc: string, marker: string): string {
  const at = doc.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  return /^```\n([\s\S]*?)^```$/m.exec(doc.slice(at))![1];
}

/** Splits a command line into words (no quoting is used in the docs). */
function words(line: string): string[] {
  return line.trim().split(/\s+/);
}

const timing = (s: string) => s.replace(/· [\d.]+ s$/gm, "· <time>");

describe("docs/ci.md", () => {
  const doc = readFileSync("docs/ci.md", "utf8");
  const yaml = blocks(doc, "yaml").join("\n");
  const runs = [...yaml.matchAll(/^\s*- run: (npx stakecheck .*)$/gm)].map((m) => m[1]);

  it("the workflow's shards and merge run and print what the doc shows", async () => {
    expect(runs.length).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-ci-"));
    const fill = (cmd: string, shard: number) =>
      cmd.replaceAll("${{ matrix.shard }}", String(shard)).replaceAll("${{ github.run_number }}", "7").replaceAll("reports/", `${dir}/`);
    for (const shard of [1, 2, 3, 4]) {
      const r = await runCli(words(fill(runs[0], shard)).slice(2));
      expect(r.code, r.stderr).toBe(0);
    }
    // The shell expands the artifact glob.
    const merge = words(fill(runs[1], 0)).slice(2);
    const glob = merge.findIndex((w) => w.includes("*"));
    const files = readdirSync(dir).filter((f) => /^fuzz-\d\.json$/.test(f)).sort().map((f) => join(dir, f));
    expect(files.length).toBe(4);
    merge.splice(glob, 1, ...files);
    const withText = await runCli(merge.filter((w, i) => !(w === "--reporter" || merge[i - 1] === "--reporter")));
    expect(withText.code).toBe(0);
    expect(timing(withText.stdout)).toBe(timing(printedAfter(doc, "`merge` prints, for seed 7:")));
    const r = await runCli(merge);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("::error");
    expect(readFileSync(join(dir, "fuzz.xml"), "utf8")).toContain('<testsuites name="stakecheck fuzz" tests="4" failures="0" errors="0" skipped="0"');
  });

  it("the shard reproduces alone, with the seed the doc quotes", async () => {
    const cmds = blocks(doc, "sh").flatMap((b) => b.split("\n").filter((l) => l.startsWith("npx stakecheck")));
    expect(cmds.length).toBe(1);
    const r = await runCli(words(cmds[0]).slice(2));
    expect(r.code).toBe(0);
    const seedLine = /prints `(seed \d+ {2}\(shard 3\/4[^`]*)`/.exec(doc)![1];
    expect(r.stdout).toContain(seedLine);
    const own = /also `fuzz (--seed \d+ --runs \d+ --depth \d+)`/.exec(doc)![1];
    const alone = await runCli(["fuzz", "spec/pool.stake", "--const", "N=6", ...words(own)]);
    const figures = (s: string) => /\d[\d,]* runs \(uniform, depth ≤ 200\), [\d,]+ steps/.exec(s)![0];
    expect(figures(alone.stdout)).toBe(figures(r.stdout));
  });
});

describe("docs/scale.md", () => {
  const doc = readFileSync("docs/scale.md", "utf8");
  const lines = blocks(doc, "sh").flatMap((b) => b.split("\n").filter((l) => l.startsWith("npx stakecheck")));
  const dir = mkdtempSync(join(tmpdir(), "stakecheck-scale-doc-"));
  /** A command's words, its files (checkpoints, reports) in a temporary directory. */
  const argv = (line: string) =>
    words(line.replace(/\s+#.*$/, ""))
      .slice(2)
      .map((w) => (w === "tla/" ? join(dir, "tla") : w.replace(/^(json:)?([\w.-]+\.(?:ckpt|json))$/, (_, pre = "", f) => `${pre}${join(dir, f)}`)));
  const outputs: string[] = [];

  it("shows every command once, and each runs as the doc says", async () => {
    expect(lines.length).toBe(10);
    for (const line of lines) {
      const r = await runCli(argv(line));
      const exit = /# exit (\d)/.exec(line);
      expect(r.code, `${line}\n${r.stderr}`).toBe(exit ? Number(exit[1]) : 0);
      outputs.push(r.stdout);
    }
  });

  it("prints what the doc quotes", () => {
    const out = (cmd: string) => outputs[lines.findIndex((l) => l.startsWith(cmd))];
    expect(out("npx stakecheck check bench/models/anchor-pool-symmetric.stake")).toContain(
      /prints `(symmetry \(`Account`[\s\S]*?x fewer\))`/.exec(doc)![1].replace(/\n/g, " "),
    );
    expect(out("npx stakecheck check spec/lst.stake --bitstate 1M")).toContain("estimated coverage 99.9989%");
    // The resumed search ends as the first one did, and says where it resumed.
    const [first, resumed] = lines.map((l, i) => [l, outputs[i]] as const).filter(([l]) => l.includes("--checkpoint")).map(([, o]) => o);
    const same = (s: string) => s.split("\n").filter((l) => !/^\s+(resumed from|checkpoint:|\d+ workers?)/.test(l)).map((l) => l.replace(/, [\d.]+ s \(.*\)$/, "")).join("\n");
    expect(same(resumed)).toBe(same(first));
    expect(resumed).toMatch(/resumed from .*lst\.ckpt \(a (parallel|single-threaded) search[^)]*\): depth \d+/);
    // export: what the doc quotes it prints, and the files it names exist and differ by N.
    const exported = out("npx stakecheck export --tla spec/anchor-pool.stake -o tla/").replaceAll(join(dir, "tla"), "tla");
    expect(exported).toContain(/The first prints `(wrote [\s\S]*?)` and the command/.exec(doc)![1].replace(/\n/g, " "));
    expect(readFileSync(join(dir, "tla", "AnchorPool.cfg"), "utf8")).toContain("  N = 4\n");
    expect(readFileSync(join(dir, "tla", "AnchorPool.tla"), "utf8")).toContain("Account == 0 .. 3\n");
    expect(out("npx stakecheck merge")).toMatch(/^stakecheck merge \(2 fuzz reports\): OK · 1 spec, \d+ properties: \d+ not violated in 4,000 runs/m);
  });
});

// Checkpoint and resume (src/explore/checkpoint*.ts):
// - a search interrupted at a random moment and resumed from its checkpoint ends with the same
//   counts, verdicts, counterexamples, coverage (and symmetry / bitstate figures) as one that ran
//   uninterrupted: single-threaded (everything identical) and on worker threads;
// - a search killed with SIGKILL at random moments resumes from its last periodic checkpoint to the
//   same printed result (the CLI in a child process);
// - corrupt, truncated and mismatched checkpoint files (another spec, spec text, consts, options,
//   version) are refused with one line and exit 2.

import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModelAsync, selectProperties, type CheckOptions } from "../../src/api/check.js";
import type { BfsResult } from "../../src/explore/bfs.js";
import { openCheckpointFile, writeCheckpointFile } from "../../src/explore/checkpoint-file.js";
import type { PropertySelection } from "../../src/explore/result.js";
import { VERSION } from "../../src/version.js";
import { runCli } from "../support/cli.js";
import { modelFromFile } from "../support/load.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-checkpoint-"));
let n = 0;
const fresh = () => join(dir, `ck-${++n}.bin`);

/** Everything a search reports but its timings and memory figures. */
function outcome(r: BfsResult): unknown {
  const { seconds: _s, statesPerSecond: _r, bytes: _b, startSeconds: _t, ...stats } = r.stats;
  return { violations: r.violations, limit: r.limit, stats, coverage: r.coverage, symmetry: r.symmetry, bitstate: r.bitstate, exact: r.exact };
}

interface Config {
  readonly name: string;
  readonly file: string;
  readonly consts?: Record<string, number>;
  readonly options: CheckOptions;
}

const CONFIGS: Config[] = [
  { name: "pool", file: "spec/pool.stake", options: {} },
  { name: "three bugs, --continue", file: "spec/buggy/unbonding-slash-redelegation-double-count.stake", options: { continueAfterViolation: true } },
  { name: "symmetry", file: "bench/models/anchor-pool-symmetric.stake", consts: { N: 3, B: 3, R: 2 }, options: {} },
  { name: "bitstate", file: "spec/restaking.stake", options: { bitstate: 2 ** 20 } },
  { name: "--exact, wide states, --max-depth", file: "spec/share-pool.stake", options: { exact: true, maxDepth: 14 } },
  { name: "first violation", file: "spec/buggy/lst-first-depositor-inflation.stake", options: {} },
];

async function run(c: Config, extra: CheckOptions): Promise<BfsResult> {
  const model = modelFromFile(c.file, c.consts ?? {});
  // Checkpoints cover safety searches: a liveness property is refused with --checkpoint, so select the others.
  const selection = { ...(selectProperties(model.spec, undefined) as PropertySelection), liveness: (model.spec.liveness ?? []).map(() => false) };
  return (await checkModelAsync(model, selection, { ...c.options, ...extra })).result;
}

describe("a resumed search ends as an uninterrupted one", () => {
  const refs = new Map<string, BfsResult>();
  const reference = async (c: Config, workers: number) => {
    const key = `${c.name}/${workers}`;
    if (!refs.has(key)) refs.set(key, await run(c, { workers, memoryBytes: 2 ** 30 }));
    return refs.get(key)!;
  };

  it("single-threaded: interrupted at a random chunk, resumed: the same result, counterexamples and coverage included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: CONFIGS.length - 1 }), fc.integer({ min: 1, max: 60 }), async (k, stopAfter) => {
        const c = CONFIGS[k];
        const ref = await reference(c, 1);
        const file = fresh();
        let calls = 0;
        const first = await run(c, { workers: 1, checkpointFile: file, checkpointEveryMs: 0, shouldStop: () => ++calls > stopAfter });
        if (!existsSync(file)) {
          // The search ended before the stop (or at a violation): nothing to resume.
          expect(outcome(first)).toEqual(outcome(ref));
          return;
        }
        const resumed = await run(c, { workers: 1, resumeFile: file });
        expect(outcome(resumed)).toEqual(outcome(ref));
        expect(resumed.checkpoint?.resumed?.mode).toBe("single");
      }),
      { seed: 4, numRuns: 10 },
    );
  });

  it("on worker threads: stopped after a checkpoint at a level barrier, resumed: the same counts, verdicts and coverage", async () => {
    for (const c of [CONFIGS[1], CONFIGS[2]]) {
      const ref = await reference(c, 2);
      const file = fresh();
      let calls = 0;
      await run(c, { workers: 2, memoryBytes: 2 ** 30, checkpointFile: file, checkpointEveryMs: 0, shouldStop: () => existsSync(file) && ++calls > 2 });
      const resumed = await run(c, { workers: 2, memoryBytes: 2 ** 30, resumeFile: file });
      const shape = (r: BfsResult) => {
        const o = outcome(r) as { violations: BfsResult["violations"] };
        // A parallel search finds a shortest counterexample, not always the same one.
        return { ...o, violations: o.violations.map((v) => [v.property.name, v.instances.length]) };
      };
      expect(shape(resumed), c.name).toEqual(shape(ref));
      expect(resumed.checkpoint?.resumed?.mode).toBe("parallel");
      expect(resumed.checkpoint!.resumed!.depth).toBeGreaterThan(1);
    }
  });
});

/** What `check` prints, without what differs between runs (timings, checkpoint notes, and the
 * parallel search's table sizes, which depend on how the workers happened to fill their blocks). */
function printed(text: string): string {
  return text
    .split("\n")
    .filter((l) => !/^\s+(resumed from|checkpoint:)/.test(l))
    .map((l) => l.replace(/, [\d.]+ s \([\d.]+ [kM]? ?distinct states\/s\)/, "").replace(/^(\s+\d+ workers), .* of tables .*$/, "$1"))
    .join("\n");
}

/** The CLI in a child process (from source), killed with SIGKILL `delayMs` after its first
 * checkpoint appears; resolves once it is dead (or done). */
function killAfterCheckpoint(args: string[], file: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", ...args], { stdio: "ignore" });
    const poll = setInterval(() => {
      if (!existsSync(file)) return;
      clearInterval(poll);
      setTimeout(() => child.kill("SIGKILL"), delayMs);
    }, 5);
    child.on("error", reject);
    child.on("exit", () => {
      clearInterval(poll);
      resolve();
    });
  });
}

describe("a search killed with SIGKILL resumes from its last checkpoint", () => {
  // A small memory ceiling: the parallel search reserves shared buffers for it, and a test process
  // holding many gigabytes of them may not be allowed to fork the child.
  const args = ["check", "spec/pool.stake", "--const", "N=3", "--memory", "1G"];
  // Random moments, seeded: the same each run of the suite.
  const moments = fc.sample(fc.integer({ min: 0, max: 700 }), { seed: 11, numRuns: 3 });

  it.each([
    ...moments.map((ms) => ["1", ms] as const),
    ...fc.sample(fc.integer({ min: 0, max: 700 }), { seed: 12, numRuns: 2 }).map((ms) => ["2", ms] as const),
  ])("--workers %s, killed %i ms after the first checkpoint", async (workers, ms) => {
    const reference = await runCli([...args, "--workers", workers]);
    const file = fresh();
    await killAfterCheckpoint([...args, "--workers", workers, "--checkpoint", file, "--every", "50ms"], file, ms);
    expect(existsSync(file)).toBe(true);
    const resumed = await runCli([...args, "--workers", workers, "--resume", file]);
    expect(resumed.code).toBe(reference.code);
    expect(printed(resumed.stdout)).toBe(printed(reference.stdout));
    expect(resumed.stdout).toMatch(/resumed from .* depth \d+, [\d,]+ distinct states/);
  }, 120_000);
});

describe("unusable checkpoints are refused: one line, exit 2", () => {
  const base = ["check", "spec/pool.stake", "--workers", "1"];
  let good = "";
  const make = async () => {
    if (good) return good;
    good = fresh();
    let calls = 0;
    const model = modelFromFile("spec/pool.stake");
    await checkModelAsync(model, selectProperties(model.spec, undefined) as PropertySelection, { workers: 1, checkpointFile: good, checkpointEveryMs: 0, shouldStop: () => ++calls > 20 });
    return good;
  };
  const refused = async (file: string, args: string[] = base) => {
    const r = await runCli([...args, "--resume", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter((l) => l).length).toBe(1);
    return r.stderr.trim().replace(`stakecheck: ${file}: `, "");
  };
  const variant = (edit: (bytes: Buffer) => Buffer) => {
    const f = fresh();
    writeFileSync(f, edit(readFileSync(good)));
    return f;
  };

  it("corrupt, truncated, empty, foreign or missing files", async () => {
    await make();
    const size = statSync(good).size;
    const table = 8 + 100; // a byte of the first section, the seen-set's table (after the 8-byte magic)
    expect(await refused(variant((b) => b.subarray(0, Math.floor(size / 2))))).toBe("the checkpoint is truncated (it has no end mark)");
    expect(await refused(variant((b) => b.subarray(0, size - 10)))).toBe("the checkpoint is truncated (it has no end mark)");
    expect(await refused(variant((b) => Buffer.concat([b, Buffer.from("x")])))).toBe("the checkpoint is truncated (it has no end mark)");
    expect(await refused(variant((b) => (b[table] ^= 0x40, b)))).toBe("the checkpoint is corrupt (section `seen.table` fails its checksum)");
    expect(await refused(variant((b) => (b[size - 60] ^= 0x01, b)))).toBe("the checkpoint is corrupt (its header fails its checksum)");
    expect(await refused(variant(() => Buffer.alloc(0)))).toBe("the file is empty");
    expect(await refused(variant(() => Buffer.from("{\"not\": \"a checkpoint\"}")))).toMatch(/^not a stakecheck checkpoint/);
    expect(await refused(join(dir, "missing.bin"))).toBe("no such file");
    mkdirSync(join(dir, "a-dir"), { recursive: true });
    expect(await refused(join(dir, "a-dir"))).toBe("is a directory, not a checkpoint");
  });

  it("a checkpoint of another spec, spec text, consts, options or version", async () => {
    await make();
    expect(await refused(good, ["check", "spec/vault.stake", "--workers", "1"])).toMatch(/^a checkpoint of another spec \(`StakingPool`, sha256 [0-9a-f]{12}…\), not of this one as it is now \(`NonCustodialVault`, sha256 [0-9a-f]{12}…\)$/);
    const edited = join(dir, "pool-edited.stake");
    writeFileSync(edited, readFileSync("spec/pool.stake", "utf8") + "\n// a comment changes the text\n");
    expect(await refused(good, ["check", edited, "--workers", "1"])).toMatch(/^a checkpoint of another spec \(`StakingPool`, sha256 (\w+)…\), not of this one as it is now \(`StakingPool`, sha256 (?!\1)\w+…\)$/);
    expect(await refused(good, [...base, "--const", "N=4"])).toBe("a checkpoint with N = 3, START = 3, MAX_REWARDS = 2; this run has N = 4, START = 3, MAX_REWARDS = 2");
    expect(await refused(good, [...base, "--exact"])).toBe("a checkpoint of a search with no --exact; this run has --exact (resume with the options it was started with)");
    expect(await refused(good, [...base, "--max-depth", "5"])).toBe("a checkpoint of a search with no --max-depth; this run has --max-depth 5 (resume with the options it was started with)");
    expect(await refused(good, [...base, "--invariant", "conservation"])).toBe(
      "a checkpoint of a search with the properties conservation, slashing_within_stake, no_unauthorized_withdrawal; this run has the properties conservation (resume with the options it was started with)",
    );
    // Another version: the same checkpoint, its header rewritten (checksums and all).
    const r = openCheckpointFile(good);
    const header = r.header as { identity: { version: string } };
    const names = ["seen.table", "trace.parents", "trace.vias", "queue.cur", "queue.next"];
    const sections = names.map((name) => ({ name, parts: [r.section(name)] }));
    r.close();
    const old = fresh();
    writeCheckpointFile(old, { ...header, identity: { ...header.identity, version: "0.0.9" } }, sections);
    expect(await refused(old)).toBe(`a checkpoint of stakecheck 0.0.9; this is stakecheck ${VERSION}, which resumes only its own checkpoints`);
    // And the untouched copy still resumes.
    const copy = fresh();
    copyFileSync(good, copy);
    expect((await runCli([...base, "--resume", copy])).code).toBe(0);
  });

  it("usage: --every without --checkpoint, several specs or a sweep", async () => {
    for (const [args, message] of [
      [["check", "spec/pool.stake", "--every", "1m"], "--every says how often to write a checkpoint: give --checkpoint FILE too"],
      [["check", "spec/pool.stake", "spec/vault.stake", "--checkpoint", fresh()], "--checkpoint holds the search of one spec: check 2 specs one at a time"],
      [["check", "spec/pool.stake", "--const", "N=2..3", "--resume", fresh()], "--resume holds the search of one configuration: a --const sweep cannot be checkpointed"],
      [["check", "spec/pool.stake", "--checkpoint", fresh(), "--every", "soon"], "--every soon: expected a duration such as 30s, 2m or 500ms"],
    ] as const) {
      const r = await runCli([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`stakecheck: ${message}\n`);
    }
  });

  it("a checkpoint that cannot be written does not stop the search", async () => {
    const r = await runCli([...base, "--checkpoint", join(dir, "no-such-dir", "ck.bin"), "--every", "1ms"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("98,700 distinct states");
    expect(r.stdout).toMatch(/checkpoint: could not write .*ck\.bin \(ENOENT\); the search went on without it/);
  });

  it("the version a checkpoint records is package.json's", () => {
    expect(VERSION).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });
});

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

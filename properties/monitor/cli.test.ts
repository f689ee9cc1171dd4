// `stakecheck monitor` as users run it: exit codes as `check`, the text and JSON reports, the
// candidate bound, --on-violation (the alert on stdin only: event data never reaches a shell), and,
// in a real process, --follow on a growing file, standard input, and SIGINT/SIGTERM ending cleanly
// with a summary.

import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-monitor-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dep = (a: number) => JSON.stringify({ action: "deposit", params: { a }, caller: a });
const unbond = (a: number) => JSON.stringify({ action: "unbond", params: { a }, caller: a });
const theft = JSON.stringify({ action: "withdraw", params: { a: 0 }, caller: 1 });

function log(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => l + "\n").join(""));
  return path;
}

const timing = (s: string) => s.replace(/\d+\.\d\d s/g, "<time>");

describe("stakecheck monitor", () => {
  it("exits 0 when every event is allowed, 1 at the first that is not, printing why and saving the trace", async () => {
    const ok = await runCli(["monitor", "spec/pool.stake", "--events", log("ok.jsonl", [dep(0), dep(1), unbond(0)]), "--no-save"]);
    expect(ok.code).toBe(0);
    expect(timing(ok.stdout)).toBe("stakecheck monitor: OK · 3 lines, 3 events, 3 steps, no violation · 1 candidate state live (at most 1) · <time>\n");
    const events = log("bad.jsonl", [dep(0), unbond(0), theft, dep(2)]);
    const saves = join(dir, "saved");
    const bad = await runCli(["monitor", "spec/pool.stake", "--events", events, "--save", saves]);
    expect(bad.code).toBe(1);
    const file = join(saves, "pool-conformance-withdraw-ce55c939.itf.json");
    expect(timing(bad.stdout)).toBe(
      [
        `✗ ${events}:3: withdraw(a = 0) by caller = 1 is not enabled`,
        `    event: {"action":"withdraw","params":{"a":0},"caller":1}`,
        "    `require caller == a` (spec/pool.stake:40:3) is false:",
        "      `caller` is 1, but `a` is 0",
        "    1 candidate state live before this event",
        `    trace so far: ${file} (stakecheck replay ${file})`,
        "stakecheck monitor: VIOLATION at line 3 · 3 lines, 3 events, 2 steps · 1 candidate state live (at most 1) · <time>",
        "",
      ].join("\n"),
    );
    const replayed = await runCli(["replay", file]);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain("replays on the spec: its 3 steps reach the recorded states; the implementation it was saved from took step 3 (withdraw), which the spec does not allow");
  });

  it("bad input exits 2 with one line: a spec, a flag, a mapping, an events file, a line", async () => {
    const events = log("one.jsonl", [dep(0)]);
    const cases: [string[], RegExp][] = [
      [["monitor", "spec/nope.stake", "--events", events], /^stakecheck: spec\/nope\.stake: no such file\n$/],
      [["monitor", "spec/pool.stake", "--events", join(dir, "none.jsonl")], /none\.jsonl: no such file\n$/],
      [["monitor", "spec/pool.stake", "--events", events, "--max-candidates", "0"], /--max-candidates 0: expected at least 1/],
      [["monitor", "spec/pool.stake", "--events", events, "--reporter", "junit"], /--reporter junit: expected text or json/],
      [["monitor", "spec/pool.stake", "--events", events, "--on-bad-line", "ignore"], /--on-bad-line ignore: expected stop or skip/],
      [["monitor", "spec/pool.stake", "--events", "-", "--follow"], /--follow reads a file as it grows/],
      [["monitor", "spec/pool.stake", "--events", events, "--invariant", "conservatoin"], /no property `conservatoin` in spec `StakingPool`; did you mean `conservation`\?/],
      [["monitor", "spec/pool.stake", "--events", events, "--map", join(dir, "none.json")], /none\.json: no such file/],
      [["monitor", "spec/pool.stake"], /required option '--events <FILE>' not specified/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    const r = await runCli(["monitor", "spec/pool.stake", "--events", log("garbage.jsonl", [dep(0), "not json", dep(1)])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${join(dir, "garbage.jsonl")}:2: not JSON: at column 1, expected a value\n`);
    expect(timing(r.stdout)).toBe("stakecheck monitor: BAD INPUT (1 bad line) · 2 lines, 1 event, 1 step · 1 candidate state live (at most 1) · <time>\n");
  });

  it("--reporter json: one JSON object per line, an alert per report, the summary last", async () => {
    const r = await runCli(["monitor", "spec/pool.stake", "--events", log("j.jsonl", [dep(0), "[]", dep(0), unbond(0), theft]), "--reporter", "json", "--on-bad-line", "skip", "--no-save"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(["bad-line", "violation", "summary"]);
    expect(lines[0]).toMatchObject({ line: 2, source: join(dir, "j.jsonl") });
    expect(lines[1]).toMatchObject({ line: 5, event: JSON.parse(theft), candidates: 1, message: "withdraw(a = 0) by caller = 1 is not enabled: `require caller == a` is false", reason: { kind: "disabled", guard: "require caller == a" } });
    expect(lines[2]).toMatchObject({ kind: "summary", verdict: "violated", exitCode: 1, lines: 5, events: 4, steps: 3, badLines: 1, violationLine: 5 });
  });

  it("--on-violation runs the command with the alert on stdin; event data never reaches the shell", async () => {
    const got = join(dir, "alert.json");
    const pwned = join(dir, "pwned");
    const evil = JSON.stringify({ action: "withdraw", params: { a: 0 }, caller: 1, "#note": `$(touch ${pwned}) \`touch ${pwned}\`; touch ${pwned}` });
    const r = await runCli(["monitor", "spec/pool.stake", "--events", log("evil.jsonl", [dep(0), unbond(0), evil]), "--no-save", "--on-violation", `cat > '${got}'`]);
    expect(r.code).toBe(1);
    const alert = JSON.parse(readFileSync(got, "utf8"));
    expect(alert).toMatchObject({ kind: "violation", line: 3, event: JSON.parse(theft) });
    expect(existsSync(pwned)).toBe(false);
    const failing = await runCli(["monitor", "spec/pool.stake", "--events", log("evil2.jsonl", [theft]), "--no-save", "--on-violation", "exit 7"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toBe("stakecheck monitor: --on-violation: `exit 7` exited with 7\n");
  });

  it("--max-candidates: the bound is said when hit; then an unexplained event is inconclusive (exit 3), never a violation", async () => {
    const hidden = JSON.stringify({ action: "deposit" });
    // Both hidden deposits went to account 2: the candidates that say so are the ones dropped.
    const events = log("bound.jsonl", [hidden, hidden, dep(1), JSON.stringify({ observed: { "stake[2]": 2 } })]);
    const r = await runCli(["monitor", "spec/pool.stake", "--events", events, "--max-candidates", "2", "--no-save"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`note: ${events}:1: more than 2 candidate states (--max-candidates); 1 state dropped. From here on, an event that no kept candidate explains is reported as inconclusive, never as a violation.\n`);
    expect(r.stdout).toContain(`? ${events}:4: no kept candidate state explains this event, but candidates were dropped at ${events}:1 (--max-candidates 2): the monitor cannot tell whether it breaks the spec`);
    expect(r.stdout).toContain("stakecheck monitor: INCONCLUSIVE at line 4");
    // With room for every candidate, the same log is explained.
    const roomy = await runCli(["monitor", "spec/pool.stake", "--events", events, "--no-save"]);
    expect(roomy.code).toBe(0);
    expect(roomy.stdout).toContain("1 candidate state live (at most 6)");
    // A log that stays explained passes even after the bound was hit.
    const pass = await runCli(["monitor", "spec/pool.stake", "--events", log("bound-ok.jsonl", [hidden, hidden, dep(1)]), "--max-candidates", "2", "--no-save"]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain("candidate bound hit at line 1");
  });
});

/** The CLI in a process of its own (through tsx, so no build is needed). */
function spawnCli(args: string[], stdin: "pipe" | "ignore" = "ignore") {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", ...args], { stdio: [stdin, "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (c) => resolve({ code: c, stdout, stderr })));
  return { child, done, out: () => stdout };
}

async function until(test: () => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("stakecheck monitor in a process", () => {
  it("--follow reads a growing file; SIGTERM ends it with a summary (exit 3)", async () => {
    const events = join(dir, "live.jsonl");
    writeFileSync(events, dep(0) + "\n");
    const p = spawnCli(["monitor", "spec/pool.stake", "--events", events, "--follow", "--reporter", "json", "--on-bad-line", "skip", "--no-save"]);
    // The monitor is up once it has read the first line (json reports nothing for good events, so
    // append a bad line it skips and wait for its report).
    appendFileSync(events, "oops\n");
    await until(() => p.out().includes('"bad-line"'));
    appendFileSync(events, dep(1) + "\n" + unbond(0));
    await new Promise((r) => setTimeout(r, 300));
    appendFileSync(events, "\n");
    await new Promise((r) => setTimeout(r, 300));
    p.child.kill("SIGTERM");
    const r = await p.done;
    const summary = JSON.parse(r.stdout.trimEnd().split("\n").pop()!);
    expect(summary).toMatchObject({ kind: "summary", verdict: "incomplete", exitCode: 3, interrupted: true, lines: 4, events: 3, steps: 3, badLines: 1 });
    expect(r.code).toBe(3);
  }, 30_000);

  it("--follow stops by itself at a violation (exit 1); standard input is read to its end", async () => {
    const events = join(dir, "live2.jsonl");
    writeFileSync(events, "oops\n");
    const p = spawnCli(["monitor", "spec/pool.stake", "--events", events, "--follow", "--no-save", "--on-bad-line", "skip"]);
    let err = "";
    p.child.stderr!.on("data", (d) => (err += d));
    await until(() => err.includes(":1: not JSON"));
    appendFileSync(events, [dep(0), unbond(0), theft].join("\n") + "\n");
    const r = await p.done;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✗ ${events}:4: withdraw(a = 0) by caller = 1 is not enabled`);
    const s = spawnCli(["monitor", "spec/pool.stake", "--events", "-", "--no-save"], "pipe");
    s.child.stdin!.end([dep(0), dep(2)].join("\n"));
    const sr = await s.done;
    expect(sr.code).toBe(0);
    expect(sr.stdout).toMatch(/^stakecheck monitor: OK · 2 lines, 2 events, 2 steps, no violation/);
  }, 30_000);

  it("SIGINT while waiting on standard input ends cleanly with the summary (exit 3)", async () => {
    const s = spawnCli(["monitor", "spec/pool.stake", "--events", "-", "--no-save", "--on-bad-line", "skip"], "pipe");
    let err = "";
    s.child.stderr!.on("data", (d) => (err += d));
    // Up and reading once it reports the bad line.
    s.child.stdin!.write(dep(0) + "\noops\n");
    await until(() => err.includes("<stdin>:2: not JSON"));
    s.child.kill("SIGINT");
    const r = await s.done;
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^stakecheck monitor: INTERRUPTED · 2 lines, 1 event, 1 step · 1 candidate state live \(at most 1\) · no violation in the events read · /);
  }, 30_000);
});

// docs/monitor.md cannot drift from the code: every command it shows is run, and what it shows
// after a command (the next plain ``` block) is what the command prints (timings aside). The
// mapping excerpt is the example's file, the event example binds, the claims in the worked example
// hold, and the API snippet's names are exported.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simulate } from "../../examples/monitor/simulate.js";
import * as api from "../../src/index.js";
import { Binder } from "../../src/monitor/bind.js";
import { emptyView, readEvent } from "../../src/monitor/event.js";
import { readMapping } from "../../src/monitor/mapping.js";
import { runCli } from "../support/cli.js";
import { modelFromFile } from "../support/load.js";
import { monitorLines } from "./support.js";

const DOC = readFileSync("docs/monitor.md", "utf8");
const dir = mkdtempSync(join(tmpdir(), "stakecheck-monitor-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Block {
  readonly lang: string;
  readonly code: string;
  readonly at: number;
}

const blocks: Block[] = [...DOC.matchAll(/^```([a-z]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2], at: m.index! }));

/** Each sh block, and the plain block after it (before the next sh block), if any. */
const commands = blocks.flatMap((b, i) => {
  if (b.lang !== "sh") return [];
  const next = blocks.slice(i + 1).find((x) => x.lang === "" || x.lang === "sh");
  return [{ command: b.code.trim(), output: next && next.lang === "" ? next.code : null }];
});

const timing = (s: string) => s.replace(/ · \d+\.\d\d s/g, " · <time>");
const pool = modelFromFile("spec/pool.stake");

/** Runs a documented `npx stakecheck ...` line in-process, with /tmp/traces in a fresh directory. */
async function run(command: string, traces: string) {
  const args = command.replace(/^npx stakecheck /, "").replaceAll("/tmp/traces", traces).match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ""));
  const r = await runCli(args);
  return { ...r, stdout: r.stdout.replaceAll(traces, "/tmp/traces") };
}

describe("docs/monitor.md", () => {
  it("shows commands, most with their output", () => {
    expect(commands.length).toBe(6);
    expect(commands.filter((c) => c.output !== null).length).toBe(5);
  });

  it("the event example is an event of spec/pool.stake", () => {
    const json = blocks.find((b) => b.lang === "json" && b.code.includes('"action": "withdraw"'))!;
    const view = emptyView();
    expect(readEvent(JSON.parse(json.code), view)).toBeNull();
    const binder = new Binder(pool);
    expect(binder.bind(view, binder.newEvent())).toBeNull();
  });

  it("the mapping excerpt is the example's mapping file, and checks", () => {
    const shown = JSON.parse(blocks.find((b) => b.lang === "json" && b.code.includes('"values"'))!.code.replace(/,\s*"\.\.\.": 1/, ""));
    const file = JSON.parse(readFileSync("examples/monitor/pool.monitor.json", "utf8"));
    for (const [k, v] of Object.entries(shown.events)) expect(file.events[k]).toEqual(v);
    expect(file.values.tokens).toEqual(shown.values.tokens);
    expect(Object.keys(file.values.account.table)[0]).toBe(Object.keys(shown.values.account.table)[0]);
    expect({ name: file.name, fields: file.fields }).toEqual({ name: shown.name, fields: shown.fields });
    expect("mapping" in readMapping(file, pool)).toBe(true);
  });

  it("the stakecheck commands print what the doc shows", async () => {
    const traces = join(dir, "traces");
    const expected: Record<string, number> = { monitor: 1, replay: 0 };
    for (const c of commands.filter((x) => x.command.startsWith("npx stakecheck") && x.output !== null)) {
      const r = await run(c.command, traces);
      expect(r.code, c.command).toBe(expected[c.command.split(" ")[2]]);
      expect(timing(r.stdout), c.command).toBe(timing(c.output!));
    }
  });

  it("the streaming command runs: it stops at the example log's violation and pages with the alert", async () => {
    const c = commands.find((x) => x.command.includes("--follow"))!;
    const paged = join(dir, "paged.json");
    const r = await run(c.command.replace(/\s+# exit 1$/, "").replace('"cat > alert.json"', `"cat > ${paged}"`) + ` --save ${join(dir, "follow")}`, dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(paged, "utf8"))).toMatchObject({ kind: "violation", line: 11 });
  });

  it("the example log is what the simulation command writes, and starts as shown", () => {
    const c = commands.find((x) => x.command.includes("simulate.ts"))!;
    expect(c.command).toBe("npx tsx examples/monitor/simulate.ts --buggy --seed 2 --events 20 --out examples/monitor/events.jsonl");
    const lines = simulate({ buggy: true, seed: 2, events: 20 });
    expect(readFileSync("examples/monitor/events.jsonl", "utf8")).toBe(lines.map((l) => l + "\n").join(""));
    expect(c.output).toBe(lines.slice(0, 3).join("\n") + "\n");
  });

  it("without slashed amounts in the log, the bug shows one line later: an unbond the spec does not allow", async () => {
    const file = JSON.parse(readFileSync("examples/monitor/pool.monitor.json", "utf8"));
    delete file.events.Slashed.delta;
    const m = readMapping(file, pool);
    if (!("mapping" in m)) throw new Error(m.problems.join());
    const { summary } = await monitorLines(pool, readFileSync("examples/monitor/events.jsonl", "utf8").trimEnd().split("\n"), { mapping: m.mapping });
    expect(summary.alert?.at).toEqual({ line: 12, part: { index: 2, of: 2 } });
    expect(summary.alert?.reason).toMatchObject({ kind: "disabled", action: "unbond", guard: "require stake[a] >= 1" });
  });

  it("examples/monitor/stream.sh catches the seeded bug live", async () => {
    const child = spawn("sh", ["examples/monitor/stream.sh", "--buggy", "--seed", "2"], { env: { ...process.env, NO_COLOR: "1", STAKECHECK: `${process.execPath} --import tsx scripts/dev.ts` } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code).toBe(1);
    expect(out).toMatch(/:11: after slash\(a = 2\), slashed is 2 in the spec, but the event implies 1\n/);
  }, 60_000);

  it("the API snippet's names are exported by stakecheck", () => {
    const ts = blocks.find((b) => b.lang === "ts")!.code;
    const names = /import \{([^}]*)\} from "stakecheck"/.exec(ts)![1].split(",").map((s) => s.trim());
    for (const n of names) expect(typeof (api as Record<string, unknown>)[n], n).toBe("function");
    expect(existsSync("bench/monitor.mjs")).toBe(true);
  });
});

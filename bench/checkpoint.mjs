// `npm run bench:checkpoint`: what checkpoints cost a long exhaustive search. On POOL(4,4,2)
// (19,748,225 states), one thread and two workers: the search without checkpoints, with a checkpoint
// every 10 s (many checkpoints: the cost of each), and with one every minute (the interval the
// target is set for: under 10 % of the run). CPU time (user + system of the whole process, from
// /usr/bin/time) is the figure that holds on a shared machine; wall time is printed beside it.
//
//   node bench/checkpoint.mjs            POOL(4,4,2), about 10 minutes on the 2-core machine
//   node bench/checkpoint.mjs --quick    POOL(4,3,2) (2,652,000 states), every 1 s and 5 s
//
// The projected cost at a 1-minute interval is the largest checkpoint's CPU seconds over 60 s of
// search: a run long enough to write one every minute pays that (at most) once a minute.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const work = join(os.tmpdir(), "stakecheck-bench-checkpoint");
const consts = quick ? ["N=4", "B=3", "R=2"] : ["N=4", "B=4", "R=2"];
const name = quick ? "POOL(4,3,2)" : "POOL(4,4,2)";
const intervals = quick ? ["1s", "5s"] : ["10s", "1m"];

function log(msg) {
  process.stderr.write(msg + "\n");
}

/** One `check` run: its counts, its own search seconds, the checkpoint note, and the process's CPU. */
function run(workers, every) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const file = join(work, "ck.bin");
  const args = [join(root, "bin/stakecheck.js"), "check", "spec/anchor-pool.stake", ...consts.flatMap((c) => ["--const", c]), "--workers", String(workers), "--no-color"];
  if (every) args.push("--checkpoint", file, "--every", every);
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %U %S %e", process.execPath, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`stakecheck failed (${r.status}): ${r.stdout}${r.stderr}`);
  const time = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const stats = /([\d,]+) distinct states, ([\d,]+) generated, depth (\d+), ([\d.]+) s/.exec(r.stdout);
  if (!time || !stats) throw new Error(`unexpected output:\n${r.stdout}\n${r.stderr}`);
  const ck = /checkpoint: .*, written (once|\d+ times) \(the last at depth (\d+), ([\d.]+) (MiB|GiB|KiB), ([\d.]+) CPU s; in all ([\d.]+) s, ([\d.]+) CPU s\)/.exec(r.stdout);
  const unit = { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 };
  rmSync(work, { recursive: true, force: true });
  return {
    workers,
    every,
    distinct: stats[1],
    generated: stats[2],
    cpu: Number(time[1]) + Number(time[2]),
    wall: Number(time[3]),
    search: Number(stats[4]),
    written: ck ? (ck[1] === "once" ? 1 : Number(ck[1].split(" ")[0])) : 0,
    bytes: ck ? Number(ck[3]) * unit[ck[4]] : 0,
    lastCpu: ck ? Number(ck[5]) : 0,
    writing: ck ? Number(ck[6]) : 0,
    writingCpu: ck ? Number(ck[7]) : 0,
  };
}

if (!process.argv.includes("--no-build")) {
  log("building dist/");
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
}
const load0 = os.loadavg()[0];
const rows = [];
for (const workers of [1, 2]) {
  const base = run(workers);
  log(`${name}, ${workers} worker(s), no checkpoint: ${base.cpu.toFixed(1)} CPU s, ${base.wall.toFixed(1)} s wall · load ${os.loadavg()[0].toFixed(1)}`);
  rows.push(base);
  for (const every of intervals) {
    const r = run(workers, every);
    if (r.distinct !== base.distinct || r.generated !== base.generated) throw new Error(`counts differ with checkpoints: ${r.distinct} vs ${base.distinct}`);
    log(`  every ${every}: ${r.written} written, ${r.cpu.toFixed(1)} CPU s, ${r.wall.toFixed(1)} s wall, ${r.writing.toFixed(1)} s writing · load ${os.loadavg()[0].toFixed(1)}`);
    rows.push({ ...r, base });
  }
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const lines = [];
lines.push(`# Checkpoint cost (\`npm run bench:checkpoint\`${quick ? " -- --quick" : ""})`);
lines.push("");
lines.push(`${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores · Node ${process.version} · load average ${load0.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after`);
lines.push("");
lines.push(`${name}: ${rows[0].distinct} distinct states, the same with and without checkpoints. Run CPU s: user + system of the whole`);
lines.push("process (/usr/bin/time), and its excess over the run without checkpoints (noisy on a shared machine). Writing: what");
lines.push("the process itself measured around its checkpoint writes (process.cpuUsage; wall: the search stood still).");
lines.push("");
lines.push("| workers | every | written | last one | last one's CPU s | writing CPU s (all) | writing wall s (all) | run CPU s | run wall s | run CPU over no checkpoints |");
lines.push("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const extra = r.base ? r.cpu - r.base.cpu : 0;
  const b = r.base;
  lines.push(
    `| ${r.workers} | ${r.every ?? "never"} | ${r.written} | ${r.bytes ? `${Math.round(r.bytes / 2 ** 20)} MiB` : ""} | ${b ? r.lastCpu.toFixed(2) : ""} | ${b ? r.writingCpu.toFixed(2) : ""} | ${b ? r.writing.toFixed(1) : ""} | ${r.cpu.toFixed(1)} | ${r.wall.toFixed(1)} | ${b ? `${extra >= 0 ? "+" : ""}${extra.toFixed(1)} (${pct(extra / b.cpu)})` : ""} |`,
  );
}
lines.push("");
const summary = [];
for (const workers of [1, 2]) {
  const mine = rows.filter((r) => r.workers === workers && r.base && r.written > 0);
  if (!mine.length) continue;
  // The costliest single checkpoint seen (the last of a run is its largest), once a minute.
  const worst = Math.max(...mine.map((r) => r.lastCpu));
  const most = mine.reduce((a, b) => (b.written > a.written ? b : a));
  const wall = most.writing / most.written;
  const biggest = mine.reduce((a, b) => (b.lastCpu > a.lastCpu ? b : a));
  summary.push({ workers, cpu: worst, mib: Math.round(biggest.bytes / 2 ** 20), stillSeconds: wall, written: most.written });
  lines.push(
    `- ${workers} worker${workers === 1 ? "" : "s"}: the costliest checkpoint took ${worst.toFixed(2)} CPU s, and the search stood still ${wall.toFixed(1)} s per checkpoint (average of ${most.written}); once a minute that is ${pct(worst / 60)} of the run's CPU and ${pct(wall / 60)} of its time (target < 10 %) <!-- bench: checkpoint-${workers}w -->`,
  );
}
const text = lines.join("\n") + "\n";
process.stdout.write(text);
if (!quick) writeFileSync(join(root, "bench", "checkpoint-results.md"), text);
// The last line, for bench/run.mjs.
console.log(JSON.stringify({ name, distinct: rows[0].distinct, summary, load: load0 }));

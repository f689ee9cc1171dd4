// Measuring a child process honestly on a shared machine: its wall and CPU time (user + system,
// from /usr/bin/time, the whole process), its peak RSS, the load average, and the CPU time that
// *other* processes took meanwhile (the machine's busy time from /proc/stat minus the child's own).
// A run during which others took more than BUSY of a core is rerun (at most `retries` times); the
// least disturbed run is kept, and marked busy if even that one was.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

/** Others' CPU above this fraction of one core, on average over a run, makes the run "busy". */
export const BUSY = 0.25;

const TICKS = 100; // USER_HZ on Linux

/** The machine's busy CPU seconds so far (every core), or null where /proc/stat is absent. */
function busySeconds() {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = cpu;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / TICKS;
  } catch {
    return null;
  }
}

/**
 * Runs `cmd args` under /usr/bin/time. Returns its stdout/stderr, exit status, wall and CPU
 * seconds, peak RSS in bytes, the load average at the start, and `foreign`: others' CPU seconds
 * per wall second (null if unknown).
 */
export function timed(cmd, args, options = {}) {
  const load = os.loadavg()[0];
  const b0 = busySeconds();
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "BENCHTIME %U %S %e %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28, ...options });
  const wall = (performance.now() - t0) / 1000;
  const b1 = busySeconds();
  const m = /BENCHTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? "");
  if (!m) throw new Error(`${cmd} ${args.join(" ")}: no timing (status ${r.status}):\n${(r.stdout ?? "").slice(0, 2000)}\n${(r.stderr ?? "").slice(0, 2000)}`);
  const cpu = Number(m[1]) + Number(m[2]);
  const foreign = b0 === null || b1 === null ? null : Math.max(0, b1 - b0 - cpu) / wall;
  return {
    stdout: r.stdout,
    stderr: r.stderr.slice(0, m.index),
    status: r.status,
    wall,
    cpu,
    rss: Number(m[4]) * 1024,
    load,
    foreign,
  };
}

/** The last line of stdout, as JSON. */
export function lastJson(stdout) {
  return JSON.parse(stdout.trim().split("\n").pop());
}

/**
 * `measure()` until a run is not busy, at most 1 + retries runs; `measure` returns an object with
 * `foreign` (see timed). Returns the least disturbed run, with `busy` and `tries` set.
 */
export function steady(measure, retries, log = () => {}) {
  let best = null;
  for (let i = 0; i <= retries; i++) {
    const r = measure();
    if (best === null || (r.foreign ?? 0) < (best.foreign ?? 0)) best = r;
    if (r.foreign === null || r.foreign <= BUSY) break;
    if (i < retries) log(`    busy (others took ${r.foreign.toFixed(2)} of a core): again`);
  }
  return { ...best, busy: best.foreign !== null && best.foreign > BUSY };
}

export function median(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function machine() {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
}

export const fmt = (n) => Math.round(n).toLocaleString("en-US");
/** A rate, or the "too small" mark when the time it divides by is too short to mean anything. */
export const rate = (n) => (!Number.isFinite(n) ? "too small" : n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} k` : n.toFixed(0));
export const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;
export const x2 = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "—");

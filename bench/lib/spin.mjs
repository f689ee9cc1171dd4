// Spin on the anchor models, built as each model needs: `-w` (the hash table's 2^w slots) from
// the state count, the smallest power of two with at least twice as many slots as states, and
// `-m` (the depth-first stack) large enough: pan silently stores fewer states when its stack is
// too small, so the depth is found by a calibration run that multiplies `-m` by 10 until pan no
// longer says "max search depth too small".

import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { timed } from "./measure.mjs";

/** Whether spin and gcc are installed (Debian packages `spin`, `gcc`); the bench never installs them. */
export function spinAvailable() {
  return spawnSync("sh", ["-c", "command -v spin && command -v gcc"], { encoding: "utf8" }).status === 0;
}

export function spinVersion() {
  const r = spawnSync("spin", ["-V"], { encoding: "utf8" });
  return /Spin Version ([\d.]+)/.exec(r.stdout ?? "")?.[1] ?? "?";
}

/** `-w` for `states` states: 2^w >= 2 × states (pan's hash table is an array of 2^w pointers). */
export function hashBits(states) {
  return Math.max(10, Math.ceil(Math.log2(2 * Math.max(1, states))));
}

/** Builds pan for a configuration in work/<name>, as ../shared/anchors/README.md does. */
export function buildPan(models, work, cfg) {
  const dir = join(work, cfg.name.replace(/[^A-Za-z0-9]/g, "_"));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(models, cfg.pml), join(dir, cfg.pml));
  const defs = Object.entries(cfg.consts).map(([k, v]) => `-D${k}=${v}`);
  execFileSync("spin", ["-a", ...defs, cfg.pml], { cwd: dir, stdio: "pipe" });
  execFileSync("gcc", ["-O2", "-DSAFETY", "-o", "pan", "pan.c"], { cwd: dir, stdio: "pipe" });
  return dir;
}

function parse(out) {
  const num = (re) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : null;
  };
  return {
    distinct: num(/(\d+) states, stored/),
    transitions: num(/([\d.e+]+) transitions \(= stored\+matched\)/),
    // pan prints large counts as 2.074121e+08: 7 significant digits only.
    transitionsRounded: /[\d.]+e\+\d+ transitions/.test(out),
    searchWall: num(/pan: elapsed time ([\d.e+-]+) seconds/),
    depthReached: num(/depth reached (\d+)/),
    errors: num(/errors: (\d+)/),
    truncated: /max search depth too small/.test(out),
  };
}

/** One timed pan run. */
export function runPan(dir, w, m) {
  const t = timed("./pan", [`-m${m}`, `-w${w}`], { cwd: dir });
  const p = parse(t.stdout + t.stderr);
  if (p.distinct === null) throw new Error(`unexpected pan output:\n${(t.stdout + t.stderr).slice(0, 2000)}`);
  return { ...t, ...p, w, m };
}

/** The smallest `-m` (10^k, from 10^4) with which pan's search is not cut short; and that run. */
export function calibrateDepth(dir, w, log) {
  for (let m = 10_000; ; m *= 10) {
    const r = runPan(dir, w, m);
    if (!r.truncated) return { m, run: r };
    log(`    pan -m${m}: max search depth too small (depth reached ${r.depthReached}); -m${m * 10}`);
    if (m >= 1e9) throw new Error("pan: no -m up to 10^9 is enough");
  }
}

// The language server runs as `bin/stakecheck.js lsp`, the compiled CLI, as an editor starts it.
// A test run after editing src/ would test the old build: rebuild first when dist/ is older than
// src/ (under a lock, as test files run in parallel).

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  const built = join(ROOT, "dist/cli/main.js");
  return !existsSync(built) || statSync(built).mtimeMs < newest(join(ROOT, "src"));
}

export function ensureBuilt(): void {
  const lock = join(ROOT, "node_modules/.stakecheck-build-lock");
  const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (let tries = 0; stale(); tries++) {
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building: wait for it (a lock older than a minute is left over).
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      sleep(200);
      continue;
    }
    try {
      execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, stdio: "pipe" });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    if (tries > 2) break;
  }
}

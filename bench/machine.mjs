// How much two threads can gain on this machine, independent of stakecheck: a compute-bound loop
// and a loop of random reads and writes in a 64 MiB array (what a hash-table search does), each
// split over one and then two worker threads. Prints one JSON line.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

function compute(n) {
  let x = 1;
  for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return x;
}

function memory(n) {
  const a = new Int32Array(1 << 24);
  let x = 1;
  let s = 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += a[(x >>> 0) & ((1 << 24) - 1)]++;
  }
  return s;
}

// --quick: a twentieth of the work (a smoke test).
if (isMainThread) {
  const out = {};
  for (const kind of ["compute", "memory"]) {
    const n = (kind === "compute" ? 1e9 : 4e7) / (process.argv.includes("--quick") ? 20 : 1);
    const run = async (threads) => {
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: threads }, () => new Promise((resolve) => new Worker(new URL(import.meta.url), { workerData: { n: n / threads, kind } }).on("message", resolve))),
      );
      return performance.now() - t0;
    };
    const one = await run(1);
    const two = await run(2);
    out[kind] = { one, two, speedup: one / two };
  }
  console.log(JSON.stringify(out));
} else {
  parentPort.postMessage(workerData.kind === "compute" ? compute(workerData.n) : memory(workerData.n));
}

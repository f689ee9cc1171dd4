// The monitor's public entry: `monitorEvents(model, input, options)` reads events (a file, a file
// that keeps growing, a stream, or text), runs them through a MonitorSession and returns the
// summary. Reports (alerts, bad lines, the candidate bound) go to `onReport` as they happen, so a
// long-running monitor can page someone without waiting for the end.

import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { InputError } from "../lang/read.js";
import type { Model } from "../model/model.js";
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type LineSink } from "./lines.js";
import { readMapping, type Mapping } from "./mapping.js";
import { MonitorSession, type SessionOptions } from "./session.js";
import type { MonitorSummary } from "./types.js";

export type MonitorInput =
  /** A file; with `follow`, keep reading as it grows (like `tail -f`) until `signal` aborts. */
  | { readonly path: string; readonly follow?: boolean }
  | { readonly stream: AsyncIterable<Buffer | string> }
  | { readonly text: string };

export interface MonitorOptions extends SessionOptions {
  /** Longest line read (default 1 MiB); a longer one is a bad line. */
  readonly maxLineBytes?: number;
  /** Ends the run cleanly (SIGINT, SIGTERM): the summary says it was interrupted. */
  readonly signal?: AbortSignal;
  /** With `follow`: how long to wait before looking for more of the file (default 100 ms). */
  readonly pollMs?: number;
}

const CHUNK = 1 << 20;

/** Reads a mapping file and checks it against the spec; throws InputError listing every problem. */
export function loadMappingFile(path: string, model: Model): Mapping {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, not a mapping file`);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === "ENOENT" ? "no such file" : `cannot read (${code ?? "unknown error"})`}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = readMapping(json, model);
  if ("problems" in r) {
    const ps = r.problems;
    throw new InputError(ps.length === 1 ? `${path}: ${ps[0]}` : `${path}: ${ps.length} problems:\n${ps.map((p) => `  - ${p}`).join("\n")}`);
  }
  return r.mapping;
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Feeds `input` to the splitter; false when the sink stopped (or input was refused). */
async function readInput(input: MonitorInput, split: LineSplitter, sink: LineSink & { fatal(msg: string): void }, o: MonitorOptions): Promise<void> {
  const signal = o.signal;
  const stop = aborted(signal);
  if ("text" in input) {
    if (split.push(Buffer.from(input.text, "utf8"), sink)) split.end(sink);
    return;
  }
  if ("stream" in input) {
    const it = input.stream[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([it.next(), stop.then(() => null)]);
      if (next === null || next.done) break;
      const chunk = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
      if (!split.push(chunk, sink)) {
        await it.return?.();
        return;
      }
    }
    if (!signal?.aborted) split.end(sink);
    return;
  }
  let fd: number;
  try {
    if (statSync(input.path).isDirectory()) throw new InputError(`${input.path}: is a directory, not an events file`);
    fd = openSync(input.path, "r");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${input.path}: ${code === "ENOENT" ? "no such file" : `cannot read (${code ?? "unknown error"})`}`);
  }
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = 0;
  try {
    for (;;) {
      if (signal?.aborted) return;
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n > 0) {
        pos += n;
        if (!split.push(buf.subarray(0, n), sink)) return;
        // Let signals and timers in between chunks.
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      if (!input.follow) break;
      if (fstatSync(fd).size < pos) {
        sink.fatal(`${input.path} was truncated (it is now ${fstatSync(fd).size} bytes, ${pos} were read); stopping`);
        return;
      }
      await Promise.race([sleep(o.pollMs ?? 100), stop]);
    }
    split.end(sink);
  } finally {
    closeSync(fd);
  }
}

/** Monitors `input` against `model`; resolves with the summary (never throws for bad events;
 * throws InputError when the input cannot be opened). */
export async function monitorEvents(model: Model, input: MonitorInput, options: MonitorOptions = {}): Promise<MonitorSummary> {
  const t0 = performance.now();
  const session = new MonitorSession(model, options);
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const split = new LineSplitter(max);
  let fatal = false;
  const sink = {
    line: (text: string, n: number) => session.line(text, n),
    tooLong: (n: number, bytes: number) => session.tooLong(n, bytes, max),
    fatal: (message: string) => {
      fatal = true;
      options.onReport?.({ kind: "bad-line", line: split.n, message });
    },
  };
  try {
    if (!session.stopped) await readInput(input, split, sink, options);
  } finally {
    session.close();
  }
  const interrupted = options.signal?.aborted === true && session.stopped === null;
  const [verdict, exitCode]: [MonitorSummary["verdict"], number] = session.alert
    ? ["violated", 1]
    : session.inconclusive
      ? ["incomplete", 3]
      : session.stopped === "bad-line" || fatal
        ? ["bad-input", 2]
        : interrupted
          ? ["incomplete", 3]
          : session.badLines > 0
            ? ["bad-input", 2]
            : ["holds", 0];
  return {
    verdict,
    exitCode,
    lines: Math.max(session.lines, split.n),
    events: session.events,
    steps: session.steps,
    badLines: session.badLines + (fatal ? 1 : 0),
    candidates: session.candidates,
    maxCandidates: session.peak,
    bound: session.bound,
    alert: session.alert,
    inconclusive: session.inconclusive,
    interrupted,
    seconds: (performance.now() - t0) / 1000,
  };
}

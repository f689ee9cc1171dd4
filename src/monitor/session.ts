// One monitor run, line by line: parse (JSON, then the event or the mapping), bind, step the
// candidate set; on the first event no candidate explains, build the alert (why, and the trace so
// far saved as a counterexample file). Synchronous, so the reading loop (monitor.ts) decides when
// to wait for more input.

import type { PropertySelection } from "../explore/result.js";
import type { Model } from "../model/model.js";
import { locateJsonError } from "../trace/json-error.js";
import { Binder, type BoundEvent } from "./bind.js";
import { MonitorEngine } from "./engine.js";
import { emptyView, readEvent } from "./event.js";
import { applyMapping, type Mapping } from "./mapping.js";
import { saveMonitorTrace, type TraceEnd } from "./save.js";
import { TraceLog } from "./trace-log.js";
import type { AlertReason, BoundHit, EventPlace, EventView, Inconclusive, MonitorAlert, MonitorReport } from "./types.js";
import { reasonLine } from "./reason.js";
import { disabledReason, duringName, mostTellingInstance, observedReason, propertyReason } from "./why.js";

export interface SessionOptions {
  readonly mapping?: Mapping | null;
  /** Most candidate states kept at once (default 10,000). */
  readonly maxCandidates?: number;
  readonly onBadLine?: "skip" | "stop";
  /** Save the trace so far into this directory on an alert; null or absent: keep no history. */
  readonly saveDir?: string | null;
  /** The spec's path as the trace file records it (default: the model's file). */
  readonly specPath?: string;
  /** The input's name, recorded in the trace file (default "<events>"). */
  readonly eventsName?: string;
  /** Where the on-disk history goes (default: the system's temporary directory). */
  readonly historyDir?: string;
  /** Check only these properties (default: all; well_typed always). */
  readonly properties?: PropertySelection | null;
  /** Told every report as it happens (alerts, bad lines, the bound being hit). */
  readonly onReport?: (r: MonitorReport) => void;
}

export const DEFAULT_MAX_CANDIDATES = 10_000;

/** Where a line stops being JSON, in words that do not depend on the Node version. */
function jsonProblem(text: string): string {
  let e: ReturnType<typeof locateJsonError>;
  try {
    e = locateJsonError(text);
  } catch {
    // The scanner recurses: a line nested deeper than the stack is simply not JSON we can place.
    return "nested too deeply";
  }
  if (!e) return "not valid JSON";
  if (e.truncated) return `the line ends before the JSON does (expected ${e.expected})`;
  return `at column ${e.col}, expected ${e.expected}`;
}

export class MonitorSession {
  readonly model: Model;
  private readonly binder: Binder;
  private readonly engine: MonitorEngine;
  private readonly ev: BoundEvent;
  private readonly log: TraceLog | null;
  private readonly mapping: Mapping | null;
  /** The event being read, filled in place, and a list of just it. */
  private readonly view = emptyView();
  private readonly single: readonly EventView[] = [this.view];
  lines = 0;
  events = 0;
  steps = 0;
  badLines = 0;
  stopped: "alert" | "bad-line" | "inconclusive" | null = null;
  alert: MonitorAlert | null = null;
  inconclusive: Inconclusive | null = null;
  bound: BoundHit | null = null;

  constructor(
    model: Model,
    private readonly o: SessionOptions = {},
  ) {
    this.model = model;
    this.mapping = o.mapping ?? null;
    this.binder = new Binder(model);
    this.ev = this.binder.newEvent();
    this.log = o.saveDir ? new TraceLog(o.historyDir) : null;
    this.engine = new MonitorEngine(model, o.maxCandidates ?? DEFAULT_MAX_CANDIDATES, this.log, o.properties ?? null);
    if (!this.engine.start()) this.fail({ line: 0 }, null, undefined, 0);
  }

  get candidates(): number {
    return this.engine.cur.count;
  }

  get peak(): number {
    return this.engine.peak;
  }

  private report(r: MonitorReport): void {
    this.o.onReport?.(r);
  }

  private bad(line: number, message: string): boolean {
    this.badLines++;
    this.report({ kind: "bad-line", line, message });
    if (this.o.onBadLine === "stop") this.stopped = "bad-line";
    return this.stopped === null;
  }

  /** A line longer than the reader accepts (not buffered, so not parsed). */
  tooLong(line: number, bytes: number, max: number): boolean {
    this.lines = Math.max(this.lines, line);
    return this.bad(line, `longer than ${max} bytes (${bytes} bytes); not read`);
  }

  /** Takes one line; false once the run must stop (an alert, or a bad line with onBadLine stop). */
  line(text: string, line: number): boolean {
    if (this.stopped) return false;
    this.lines = line;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (text.trim() === "") return true;
      return this.bad(line, `not JSON: ${jsonProblem(text)}`);
    }
    let views: readonly EventView[];
    if (this.mapping) {
      const r = applyMapping(this.mapping, json);
      if (typeof r === "string") return this.bad(line, r);
      views = r;
    } else {
      const err = readEvent(json, this.view);
      if (err) return this.bad(line, err);
      views = this.single;
    }
    const n = views.length;
    if (n === 0) return true;
    // The last part carries the observations: bind it first, so a bad event takes no step.
    const err = this.binder.bind(views[n - 1], this.ev);
    if (err) return this.bad(line, this.mapping ? `${err} (after mapping)` : err);
    for (let i = 0; i < n; i++) {
      if (n > 1) this.binder.bind(views[i], this.ev);
      if (!this.take(line, i, n, views[i], this.mapping ? json : undefined)) return false;
    }
    return true;
  }

  /** Steps part `i` of `n` of line `line` (n > 1 when a mapping repeats an event). */
  private take(line: number, i: number, n: number, view: EventView, source: unknown): boolean {
    this.events++;
    const before = this.engine.cur.count;
    const ok = this.engine.step(this.ev);
    const at = (): EventPlace => (n > 1 ? { line, part: { index: i + 1, of: n } } : { line });
    if (this.engine.dropped > 0 && !this.bound) {
      this.bound = { kind: "bound", at: at(), max: this.engine.max, dropped: this.engine.dropped };
      this.report(this.bound);
    }
    if (ok) {
      if (this.ev.action >= 0) this.steps++;
      return true;
    }
    this.fail(at(), { ...view }, source, before);
    return false;
  }

  /** Nothing explains the event at `at` (or the initial state violates an invariant: view null). */
  private fail(at: EventPlace, view: EventView | null, source: unknown, candidates: number): void {
    const e = this.engine;
    const model = this.model;
    let reason: AlertReason;
    let end: TraceEnd;
    let cand: number;
    if (e.violatedCand >= 0) {
      cand = e.violatedCand;
      const s = e.cur.state(cand);
      const v = e.violated!;
      reason = propertyReason(model, s, e.violatedInst, v);
      let during: string | undefined;
      if (v.kind === "during") {
        const d = new Int32Array(model.width);
        if (e.violatedInst < 0) d.set(s);
        else model.apply(s, d, e.violatedInst);
        during = duringName(model, s, d, e.violatedInst, v.of);
      }
      end = { kind: "property", inst: e.violatedInst, violated: v, ...(during !== undefined ? { during } : {}) };
    } else if (e.mismatchCand >= 0) {
      cand = e.mismatchCand;
      reason = observedReason(model, this.ev, e.cur.state(cand), e.mismatchInst);
      if (reason.kind !== "observed") throw new Error("monitor: an observation mismatch explained as something else");
      end = { kind: "state", inst: e.mismatchInst, place: reason.place, expected: reason.expected, found: reason.found };
    } else if (e.disabledCand >= 0) {
      cand = e.disabledCand;
      const inst = this.ev.open > 0 ? mostTellingInstance(model, e.cur.state(cand), e.allowed(this.ev)) : e.disabledInst;
      reason = disabledReason(model, e.cur.state(cand), inst);
      end = { kind: "accepted", inst };
    } else {
      throw new Error("monitor: an event no candidate explains, for no recorded reason");
    }
    if (this.bound) {
      this.inconclusive = { kind: "inconclusive", at, bound: this.bound, reason };
      this.stopped = "inconclusive";
      this.report(this.inconclusive);
      return;
    }
    let trace: string | undefined;
    let saveError: string | undefined;
    if (this.log && this.o.saveDir) {
      try {
        trace = saveMonitorTrace({
          model,
          specPath: this.o.specPath ?? model.spec.file.path,
          path: e.pathTo(cand),
          end,
          dir: this.o.saveDir,
          events: this.o.eventsName ?? "<events>",
          line: at.line,
          message: reasonLine(reason),
        });
      } catch (err) {
        saveError = `cannot save the trace in ${this.o.saveDir} (${(err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))})`;
      }
    }
    this.alert = {
      kind: "violation",
      at,
      event: this.events,
      steps: this.steps,
      view,
      ...(source !== undefined ? { source } : {}),
      reason,
      candidates,
      ...(trace ? { trace } : {}),
      ...(saveError ? { saveError } : {}),
    };
    this.stopped = "alert";
    this.report(this.alert);
  }

  /** Deletes the on-disk history. */
  close(): void {
    this.log?.close();
  }
}

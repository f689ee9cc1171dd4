// Progress a person can follow. On a terminal, one live line on stderr, redrawn in place: the spec,
// the time elapsed, the search's figures and, when the end is known (fuzz's runs or --time), the
// percent done and the time left. Elsewhere (a CI log), one plain line every 10 s (`--progress 30s`
// sets the interval), so a long job shows it is alive, as TLC does; `--no-progress` turns both off.

import { InputError } from "../lang/read.js";

/** Between two plain progress lines when output is not a terminal. */
export const DEFAULT_PROGRESS_MS = 10_000;

/** `30s`, `2m`, `500ms`, `1h`, or a bare number of seconds; in milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new InputError(`${flag} ${text}: expected a duration such as 30s, 2m or 500ms`);
  const mult = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return Number(m[1]) * mult;
}

/** `--progress DURATION` / `--no-progress` (commander gives the text, false, or undefined): the
 * interval of plain lines in milliseconds, or null for no progress at all. */
export function progressInterval(option: string | boolean | undefined): number | null {
  if (option === false) return null;
  if (option === undefined || option === true) return DEFAULT_PROGRESS_MS;
  const ms = parseDuration("--progress", option);
  if (ms < 100) throw new InputError(`--progress ${option}: expected at least 100ms between progress lines`);
  return ms;
}

/** `4.2 s`, `3 min 05 s`, `1 h 02 min`. */
export function fmtDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.floor(s)} s`;
  const whole = Math.floor(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, "0")} min`;
}

export interface ProgressOptions {
  /** What is being worked on: the spec's name. */
  readonly label: string;
  /** Whether stderr is a terminal (a live line) or not (plain lines). */
  readonly tty: boolean;
  /** Between plain lines; null: no progress at all. */
  readonly everyMs: number | null;
  readonly now?: () => number;
  readonly write?: (text: string) => void;
}

export class Progress {
  private readonly now: () => number;
  private readonly write: (text: string) => void;
  private readonly start: number;
  private lastLine: number;
  private shown = false;

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? (() => performance.now());
    this.write = o.write ?? ((t) => process.stderr.write(t));
    this.start = this.now();
    this.lastLine = this.start;
  }

  /** How often the explorer should report, in milliseconds. */
  get reportEveryMs(): number {
    return Math.min(1000, this.o.everyMs ?? 1000);
  }

  /** The text of a progress line: `Pool · 12 s · <figures> · 40% · 18 s left`. */
  line(figures: string, fraction?: number): string {
    const elapsed = this.now() - this.start;
    const parts = [this.o.label, fmtDuration(elapsed), figures];
    if (fraction !== undefined && Number.isFinite(fraction)) {
      const f = Math.min(Math.max(fraction, 0), 1);
      parts.push(`${Math.floor(f * 100)}%`);
      if (f > 0 && f < 1) parts.push(`${fmtDuration((elapsed * (1 - f)) / f)} left`);
    }
    return parts.join(" · ");
  }

  /** The explorer's figures now; `fraction`: the part done, when the end is known. */
  update(figures: string, fraction?: number): void {
    if (this.o.everyMs === null) return;
    if (this.o.tty) {
      this.write(`\r\x1b[2K  ${this.line(figures, fraction)}`);
      this.shown = true;
      return;
    }
    const t = this.now();
    if (t - this.lastLine < this.o.everyMs) return;
    this.lastLine = t;
    this.write(`progress: ${this.line(figures, fraction)}\n`);
  }

  /** Erases the live line (before the report is printed). */
  clear(): void {
    if (this.shown) this.write("\r\x1b[2K");
    this.shown = false;
  }
}

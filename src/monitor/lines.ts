// Splitting input chunks into lines, with a cap on a line's length: a longer line is reported and
// skipped without being held in memory (a 10 MB line costs nothing but the time to read it). A
// trailing CR is dropped (CRLF logs); a last line without a newline counts at the end.

export interface LineSink {
  /** One line (1-based number); false to stop reading. */
  line(text: string, n: number): boolean;
  /** A line longer than the cap, skipped; false to stop reading. */
  tooLong(n: number, bytes: number): boolean;
}

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  /** Bytes of the current line seen so far, when it is already too long (then not kept). */
  private overflow = -1;
  n = 0;

  constructor(private readonly maxBytes: number = DEFAULT_MAX_LINE_BYTES) {}

  /** Feeds a chunk; false when the sink asked to stop. */
  push(chunk: Buffer, sink: LineSink): boolean {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) {
        this.keep(chunk, start, chunk.length);
        return true;
      }
      if (!this.finish(chunk, start, nl, sink)) return false;
      start = nl + 1;
    }
  }

  /** The end of input: the last line, if it had no newline. */
  end(sink: LineSink): boolean {
    if (this.partBytes === 0 && this.overflow < 0) return true;
    return this.finish(Buffer.alloc(0), 0, 0, sink);
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    if (end === start) return;
    if (this.overflow >= 0) {
      this.overflow += end - start;
      return;
    }
    if (this.partBytes + (end - start) > this.maxBytes) {
      this.overflow = this.partBytes + (end - start);
      this.parts = [];
      this.partBytes = 0;
      return;
    }
    // Copy: the reader reuses its buffer.
    this.parts.push(Buffer.from(chunk.subarray(start, end)));
    this.partBytes += end - start;
  }

  private finish(chunk: Buffer, start: number, end: number, sink: LineSink): boolean {
    this.n++;
    if (this.overflow >= 0 || this.partBytes + (end - start) > this.maxBytes) {
      const bytes = (this.overflow >= 0 ? this.overflow : this.partBytes) + (end - start);
      this.overflow = -1;
      this.parts = [];
      this.partBytes = 0;
      return sink.tooLong(this.n, bytes);
    }
    let text: string;
    if (this.partBytes === 0) {
      text = chunk.toString("utf8", start, end);
    } else {
      this.parts.push(chunk.subarray(start, end));
      text = Buffer.concat(this.parts).toString("utf8");
      this.parts = [];
      this.partBytes = 0;
    }
    if (text.length > 0 && text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    return sink.line(text, this.n);
  }
}

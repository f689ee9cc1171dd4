// A function body under construction: lines, indentation, fresh temporaries and labels.

export class FnBuilder {
  private buf: string[] = [];
  private depth = 1;
  private temps = 0;
  private labels = 0;

  line(text: string): void {
    this.buf.push("  ".repeat(this.depth) + text);
  }

  /** A fresh temporary, declared at the top of the function. */
  tmp(): string {
    return `t${this.temps++}`;
  }

  label(): string {
    return `L${this.labels++}`;
  }

  /** Runs `f` with output going to a fresh buffer, one level deeper; returns what it wrote. */
  capture<R>(f: () => R): { lines: string[]; value: R } {
    const saved = this.buf;
    this.buf = [];
    this.depth++;
    try {
      const value = f();
      return { lines: this.buf, value };
    } finally {
      this.buf = saved;
      this.depth--;
    }
  }

  /** Appends lines captured earlier (already indented for one level deeper than here). */
  append(lines: readonly string[]): void {
    for (const l of lines) this.buf.push(l);
  }

  /** Opens a block: `head {`, runs `f` one level deeper, closes it. */
  block(head: string, f: () => void): void {
    this.line(head + " {");
    this.depth++;
    try {
      f();
    } finally {
      this.depth--;
    }
    this.line("}");
  }

  /** The finished function. */
  finish(signature: string): string {
    const decl = this.temps > 0 ? ["  let " + Array.from({ length: this.temps }, (_, i) => `t${i} = 0`).join(", ") + ";"] : [];
    return [`function ${signature} {`, ...decl, ...this.buf, "}"].join("\n");
  }
}

/** True for expressions cheap and safe to repeat: names, numbers, `a[3]`, `a[t1 + 2]`. */
export function isSimple(code: string): boolean {
  return /^(-?\d+|true|false|[A-Za-z_][A-Za-z0-9_]*(\[[A-Za-z0-9_ +]+\])?)$/.test(code);
}

export function isConst(code: string): boolean {
  return /^-?\d+$/.test(code);
}

// The monitor's history, kept on disk so that memory stays bounded however long the stream: after
// every event, one record of how each live candidate was reached, (parent, instance) per candidate
// and then the count, so the file reads backwards. An instance of -1 is no step (the initial state,
// or an observation). The path to any live candidate is rebuilt by walking the records back.

import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BUFFER_INTS = 1 << 16;
const READ_BYTES = 1 << 20;

export class TraceLog {
  private readonly dir: string;
  private fd: number;
  private readonly buf = new Int32Array(BUFFER_INTS);
  private readonly bytes = new Uint8Array(this.buf.buffer);
  private used = 0;
  /** Bytes written to the file (after the buffer is flushed, its size). */
  private written = 0;
  /** Records appended. */
  records = 0;

  constructor(parentDir: string = tmpdir()) {
    this.dir = mkdtempSync(join(parentDir, "stakecheck-monitor-"));
    this.fd = openSync(join(this.dir, "history.bin"), "w+");
  }

  /** Appends one record: candidate i was reached from `parent[i]` by `inst[i]`, for i < count. */
  append(parent: Int32Array, inst: Int32Array, count: number): void {
    const need = 2 * count + 1;
    if (this.used + need > BUFFER_INTS) this.flush();
    if (need > BUFFER_INTS) {
      const big = new Int32Array(need);
      for (let i = 0; i < count; i++) {
        big[2 * i] = parent[i];
        big[2 * i + 1] = inst[i];
      }
      big[2 * count] = count;
      this.write(new Uint8Array(big.buffer));
    } else {
      const b = this.buf;
      let u = this.used;
      for (let i = 0; i < count; i++) {
        b[u++] = parent[i];
        b[u++] = inst[i];
      }
      b[u++] = count;
      this.used = u;
    }
    this.records++;
  }

  private write(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.written += bytes.length;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.write(this.bytes.subarray(0, this.used * 4));
    this.used = 0;
  }

  /**
   * The action instances from the initial state to candidate `cand` of the last record (no-step
   * records skipped), in order.
   */
  pathTo(cand: number): Int32Array {
    this.flush();
    const reader = new BackwardReader(this.fd, this.written);
    let out = new Int32Array(1024);
    let n = 0;
    let end = this.written;
    let c = cand;
    for (let r = 0; r < this.records; r++) {
      const count = reader.int(end - 4);
      if (c < 0 || c >= count) throw new Error(`monitor history: candidate ${c} of a record of ${count}`);
      const at = end - 4 - 8 * count + 8 * c;
      const parent = reader.int(at);
      const inst = reader.int(at + 4);
      if (inst >= 0) {
        if (n === out.length) {
          const grown = new Int32Array(out.length * 2);
          grown.set(out);
          out = grown;
        }
        out[n++] = inst;
      }
      end -= 4 + 8 * count;
      c = parent;
    }
    out = out.subarray(0, n);
    out.reverse();
    return out;
  }

  /** Closes and deletes the file. */
  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Reads 32-bit ints at falling offsets, a megabyte at a time. */
class BackwardReader {
  private buf = Buffer.alloc(READ_BYTES);
  private start = 0;
  private end = 0;

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  int(at: number): number {
    if (at < this.start || at + 4 > this.end) {
      const end = Math.min(this.size, at + 4);
      const start = Math.max(0, end - READ_BYTES);
      let got = 0;
      while (got < end - start) got += readSync(this.fd, this.buf, got, end - start - got, start + got);
      this.start = start;
      this.end = end;
    }
    return this.buf.readInt32LE(at - this.start);
  }
}

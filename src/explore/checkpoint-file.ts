// The checkpoint file: binary sections (the search's typed arrays, written as they are in memory)
// followed by a JSON header that describes them, and a fixed footer that locates the header.
//
//   "STKCKPT1"  section 0  pad  section 1  pad ...  header (JSON, UTF-8)  footer
//   footer: header offset (u32 lo, u32 hi), header length (u32), sha256 of the header (32 bytes), "STKCKEND"
//
// Every section's sha256 is in the header and the header's in the footer, so a truncated or
// corrupted file is refused before anything is restored from it. The file is written under a
// temporary name, fsync'd and renamed over the old one (and the directory fsync'd): a search killed
// at any moment leaves either the previous checkpoint or the new one, whole.

import { createHash } from "node:crypto";
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname } from "node:path";

const MAGIC = Buffer.from("STKCKPT1");
const END = Buffer.from("STKCKEND");
const FOOTER = 4 + 4 + 4 + 32 + 8;
/** Bytes written per call, so huge sections never need one huge Buffer. */
const CHUNK = 1 << 26;

/** A section to write: its bytes, in pieces (typed arrays are written without copying). */
export interface SectionSource {
  readonly name: string;
  readonly parts: readonly ArrayBufferView[];
}

interface SectionEntry {
  readonly name: string;
  readonly offset: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** Why a checkpoint file cannot be used: the sentence to show after the file's name. */
export class CheckpointFileError extends Error {}

function bytesOf(v: ArrayBufferView): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function writeAll(fd: number, buf: Buffer, at: number): number {
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, Math.min(CHUNK, buf.length - done), at + done);
  return buf.length;
}

/**
 * Writes `header` (any JSON) and the sections to `path`, atomically: a temporary file in the same
 * directory, fsync, rename, fsync of the directory. Returns the bytes written.
 */
export function writeCheckpointFile(path: string, header: unknown, sections: readonly SectionSource[]): number {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  let at = 0;
  try {
    at += writeAll(fd, MAGIC, at);
    const entries: SectionEntry[] = [];
    const pad = Buffer.alloc(8);
    for (const s of sections) {
      const hash = createHash("sha256");
      const offset = at;
      for (const p of s.parts) {
        const b = bytesOf(p);
        hash.update(b);
        at += writeAll(fd, b, at);
      }
      entries.push({ name: s.name, offset, bytes: at - offset, sha256: hash.digest("hex") });
      if (at % 8) at += writeAll(fd, pad.subarray(0, 8 - (at % 8)), at);
    }
    const head = Buffer.from(JSON.stringify({ header, sections: entries }), "utf8");
    const headAt = at;
    at += writeAll(fd, head, at);
    const footer = Buffer.alloc(FOOTER);
    footer.writeUInt32LE(headAt % 2 ** 32, 0);
    footer.writeUInt32LE(Math.floor(headAt / 2 ** 32), 4);
    footer.writeUInt32LE(head.length, 8);
    createHash("sha256").update(head).digest().copy(footer, 12);
    END.copy(footer, 44);
    at += writeAll(fd, footer, at);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
  // The rename is durable once the directory is (not every platform lets a directory be fsync'd).
  try {
    const dfd = openSync(dirname(path), "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // best effort
  }
  return at;
}

function readExactly(fd: number, buf: Uint8Array, at: number): void {
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, Math.min(CHUNK, buf.length - done), at + done);
    if (n === 0) throw new CheckpointFileError("the checkpoint is truncated");
    done += n;
  }
}

/** An open checkpoint: its header, and its sections read (and checked) on demand. */
export interface CheckpointReader {
  readonly header: unknown;
  readonly bytes: number;
  has(name: string): boolean;
  /** The section's bytes, exactly, at the start of a fresh buffer (so any typed array can view
   * them); throws CheckpointFileError if they fail their checksum. */
  section(name: string): Uint8Array;
  close(): void;
}

/** Opens a checkpoint and checks its envelope and header; throws CheckpointFileError. */
export function openCheckpointFile(path: string): CheckpointReader {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CheckpointFileError(code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a checkpoint" : `cannot read (${code ?? String(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CheckpointFileError("is a directory, not a checkpoint");
    const size = st.size;
    const magic = Buffer.alloc(MAGIC.length);
    if (size < MAGIC.length) throw new CheckpointFileError(size === 0 ? "the file is empty" : "not a stakecheck checkpoint");
    readExactly(fd, magic, 0);
    if (!magic.equals(MAGIC)) throw new CheckpointFileError(`not a stakecheck checkpoint (${basename(path)} does not start as one)`);
    if (size < MAGIC.length + FOOTER) throw new CheckpointFileError("the checkpoint is truncated");
    const footer = Buffer.alloc(FOOTER);
    readExactly(fd, footer, size - FOOTER);
    if (!footer.subarray(44).equals(END)) throw new CheckpointFileError("the checkpoint is truncated (it has no end mark)");
    const headAt = footer.readUInt32LE(0) + footer.readUInt32LE(4) * 2 ** 32;
    const headLen = footer.readUInt32LE(8);
    if (headAt + headLen + FOOTER !== size) throw new CheckpointFileError("the checkpoint is corrupt (its parts do not add up to its size)");
    const head = Buffer.alloc(headLen);
    readExactly(fd, head, headAt);
    if (!createHash("sha256").update(head).digest().equals(footer.subarray(12, 44))) throw new CheckpointFileError("the checkpoint is corrupt (its header fails its checksum)");
    let parsed: { header: unknown; sections: SectionEntry[] };
    try {
      parsed = JSON.parse(head.toString("utf8"));
    } catch {
      throw new CheckpointFileError("the checkpoint is corrupt (its header is not JSON)");
    }
    const entries = new Map(parsed.sections.map((s) => [s.name, s]));
    return {
      header: parsed.header,
      bytes: size,
      has: (name) => entries.has(name),
      section(name) {
        const e = entries.get(name);
        if (!e) throw new CheckpointFileError(`the checkpoint is corrupt (it has no section \`${name}\`)`);
        if (e.offset + e.bytes > headAt) throw new CheckpointFileError(`the checkpoint is corrupt (section \`${name}\` runs past its end)`);
        const buf = new ArrayBuffer(Math.ceil(e.bytes / 8) * 8);
        const view = new Uint8Array(buf, 0, e.bytes);
        readExactly(fd, view, e.offset);
        if (createHash("sha256").update(view).digest("hex") !== e.sha256) throw new CheckpointFileError(`the checkpoint is corrupt (section \`${name}\` fails its checksum)`);
        return view;
      },
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

// Reading a spec file: every way it can go wrong becomes one plain sentence, never a stack trace.

import { readFileSync, statSync } from "node:fs";

/** A problem with the user's input (a file, a flag): reported in one line, exit code 2. */
export class InputError extends Error {
  override readonly name = "InputError";
}

const decoder = new TextDecoder("utf-8", { fatal: true });

export function readSpecFile(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${path}: no such file`);
    if (code === "EACCES") throw new InputError(`${path}: permission denied`);
    throw new InputError(`${path}: cannot read (${code ?? "unknown error"})`);
  }
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a .stake file`);
  if (!stat.isFile()) throw new InputError(`${path}: not a regular file`);
  if (stat.size > 16 * 2 ** 20) throw new InputError(`${path}: ${Math.round(stat.size / 2 ** 20)} MiB is too large for a spec`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
  if (bytes.includes(0)) throw new InputError(`${path}: binary data, not a text file`);
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new InputError(`${path}: not UTF-8 text`);
  }
}

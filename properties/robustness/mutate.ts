// Mutants of the shipped specs and counterexample files for the standing robustness campaign
// (`npm run fuzz-inputs`, scripts/fuzz-inputs.ts) and its smoke test: token and byte mutations,
// odd line terminators (CR, LS, PS, NEL), BOMs, huge numbers, deep nesting, huge files, names that
// look alike. Every mutant is a pure function of (source, seed, index).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../../src/explore/rng.js";

export interface Source {
  readonly path: string;
  readonly text: string;
}

/** Every shipped spec (spec/, spec/buggy/, bench/models/) and counterexample (counterexamples/). */
export function sources(): { specs: Source[]; traces: Source[] } {
  const list = (dir: string, ext: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
  return {
    specs: [...list("spec", ".stake"), ...list("spec/buggy", ".stake"), ...list("bench/models", ".stake")],
    traces: list("counterexamples", ".itf.json"),
  };
}

const TERMINATORS = ["\r", "\u2028", "\u2029", "\u0085", "\r\n", "\n"];
const HUGE = ["4294967296", "2147483648", "-2147483649", "9007199254740993", "1e9", "99999999999999999999", "0", "-1"];
const KEYWORDS = ["spec", "const", "type", "var", "action", "require", "invariant", "step", "def", "let", "if", "pick", "ghost", "symmetric", "old", "sum", "all", "map", "set", "seq"];
const LOOKALIKE: Record<string, string> = { a: "а", e: "е", o: "о", p: "р", c: "с", x: "х", i: "і" };

function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[r.below(xs.length)];
}

/** Tokens with their offsets: names, numbers, comments, blanks, operators, single characters. */
function tokens(text: string): { at: number; text: string }[] {
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|[\p{L}_][\p{L}\p{N}_]*|\d+|\.\.|[=!<>+\-*]=|\s+|./gsu;
  return [...text.matchAll(re)].map((m) => ({ at: m.index!, text: m[0] }));
}

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** One mutation of a spec's text. */
export function mutateSpec(text: string, r: Rng): { kind: string; text: string } {
  const toks = tokens(text);
  const t = pick(r, toks);
  const at = r.below(text.length + 1);
  switch (r.below(13)) {
    case 0:
      return { kind: "token deleted", text: splice(text, t.at, t.text.length, "") };
    case 1:
      return { kind: "token duplicated", text: splice(text, t.at, 0, t.text) };
    case 2:
      return { kind: "token replaced", text: splice(text, t.at, t.text.length, pick(r, toks).text) };
    case 3:
      return { kind: "keyword inserted", text: splice(text, t.at, 0, ` ${pick(r, KEYWORDS)} `) };
    case 4: {
      const nums = toks.filter((x) => /^\d+$/.test(x.text));
      const n = nums.length ? pick(r, nums) : t;
      return { kind: "huge number", text: splice(text, n.at, n.text.length, pick(r, HUGE)) };
    }
    case 5:
      return { kind: "byte flipped", text: splice(text, Math.min(at, text.length - 1), 1, String.fromCharCode(r.below(0x250))) };
    case 6:
      return { kind: "line terminator", text: splice(text, at, 0, pick(r, TERMINATORS)) };
    case 7: {
      // A terminator inside a comment: what comes after it must be code now.
      const comments = toks.filter((x) => x.text.startsWith("//"));
      if (!comments.length) return { kind: "line terminator", text: splice(text, at, 0, pick(r, TERMINATORS)) };
      const c = pick(r, comments);
      return { kind: "terminator in a comment", text: splice(text, c.at + 2 + r.below(c.text.length - 1), 0, `${pick(r, TERMINATORS)}invariant hidden: false `) };
    }
    case 8:
      return { kind: "BOM", text: r.below(2) === 0 ? `\ufeff${text}` : splice(text, at, 0, "\ufeff") };
    case 9: {
      const depth = pick(r, [100, 1000, 20000]);
      const open = pick(r, ["(", "not ", "-", "[", "if true then "]);
      return { kind: `deep nesting (${depth})`, text: splice(text, t.at, 0, open.repeat(depth)) };
    }
    case 10: {
      const names = toks.filter((x) => /^[a-z]/.test(x.text) && /[aeopcxi]/.test(x.text));
      if (!names.length) return { kind: "token deleted", text: splice(text, t.at, t.text.length, "") };
      const n = pick(r, names);
      const i = [...n.text].findIndex((ch) => ch in LOOKALIKE);
      const look = [...n.text].map((ch, k) => (k === i ? LOOKALIKE[ch] : ch)).join("");
      // Either every use of the name or only one: the second makes two names that look alike.
      return { kind: "confusable name", text: r.below(2) === 0 ? text.split(n.text).join(look) : splice(text, n.at, n.text.length, look) };
    }
    case 11: {
      const big = r.below(4) === 0;
      const line = pick(r, [`const C${r.below(1000)} = 1\n`, "// padding padding padding padding padding\n", "   \n"]);
      return { kind: big ? "huge file" : "long file", text: `${text}\n${line.repeat(big ? 300_000 : 3_000)}` };
    }
    default:
      return { kind: "bytes deleted", text: splice(text, at, 1 + r.below(8), "") };
  }
}

/** One mutation of a counterexample file's text. */
export function mutateTrace(text: string, r: Rng): { kind: string; text: string } {
  if (r.below(3) === 0) {
    const at = r.below(text.length + 1);
    switch (r.below(6)) {
      case 0:
        return { kind: "truncated", text: text.slice(0, at) };
      case 1:
        return { kind: "byte flipped", text: splice(text, Math.min(at, text.length - 1), 1, String.fromCharCode(r.below(0x250))) };
      case 2:
        return { kind: "BOM", text: `\ufeff${text}` };
      case 3:
        return { kind: "CRLF", text: text.replace(/\n/g, "\r\n") };
      case 4:
        return { kind: "deep nesting", text: splice(text, text.indexOf('"states"'), 0, `"deep": ${"[".repeat(100_000)}${"]".repeat(100_000)}, `) };
      default:
        return { kind: "line terminator", text: splice(text, at, 0, pick(r, TERMINATORS)) };
    }
  }
  const j = JSON.parse(text) as unknown;
  const paths: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => (paths.push({ parent: v, key: i }), walk(x)));
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) (paths.push({ parent: v as Record<string, unknown>, key: k }), walk(x));
  };
  walk(j);
  const p = pick(r, paths);
  const set = (x: unknown) => ((p.parent as Record<string | number, unknown>)[p.key] = x);
  const values: unknown[] = [null, true, -1, 1e300, "x\n::error::forged", "/etc/passwd", "../../../../etc/passwd", { "#bigint": "99999999999999999999" }, { "#set": [] }, [], {}, "\u2028"];
  let kind: string;
  switch (r.below(4)) {
    case 0:
      kind = "value replaced";
      set(pick(r, values));
      break;
    case 1:
      kind = "key deleted";
      if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
      else delete p.parent[p.key as string];
      break;
    case 2:
      kind = "key added";
      if (!Array.isArray(p.parent)) p.parent[pick(r, ["__proto__", "constructor", "extra", "#meta"])] = pick(r, values);
      else p.parent.push(pick(r, values));
      break;
    default:
      kind = "string with controls";
      set(`\u001b[31m${String(r.below(1000))}\r\n::stop-commands::x`);
  }
  return { kind, text: JSON.stringify(j, null, r.below(2) === 0 ? 2 : 0) };
}

// Names that look alike but are not the same (a Cyrillic `а` for a Latin `a`, a Greek `ο` for an
// `o`, a fullwidth `ａ`): in a spec, `invariant safe: аmount <= cap` could check a variable that no
// action touches while every reader sees `amount`. Two different names of a spec that look the
// same are an error; a name that mixes scripts (Latin with Cyrillic or Greek, say) is a warning.
// See docs/security.md.

import type { Checker } from "./checker.js";

/** Letters of Cyrillic and Greek that look like Latin ones (after NFKC, which folds fullwidth and
 * other compatibility forms), a subset of Unicode's confusables.txt for identifiers. */
const LOOKALIKE: Readonly<Record<string, string>> = {
  // Cyrillic
  "а": "a", "в": "b", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b",
  "А": "A", "В": "B", "Е": "E", "Ѕ": "S", "І": "I", "Ј": "J", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ԛ": "Q", "Ԝ": "W",
  // Greek
  "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ε": "e", "η": "n", "μ": "u",
  "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
  // Latin lookalikes outside ASCII
  "ı": "i", "ɑ": "a", "ɡ": "g",
};

/** What a name looks like: NFKC, then every lookalike letter replaced by the Latin one. */
export function skeleton(name: string): string {
  let out = "";
  for (const ch of name.normalize("NFKC")) out += LOOKALIKE[ch] ?? ch;
  return out;
}

const SCRIPTS: readonly [string, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
];

/** The scripts of a name's letters (digits and `_` belong to none). */
function scriptsOf(name: string): string[] {
  const found = new Set<string>();
  for (const ch of name) {
    if (!/\p{L}/u.test(ch)) continue;
    const s = SCRIPTS.find(([, re]) => re.test(ch));
    found.add(s ? s[0] : "other");
  }
  return [...found];
}

/** The spec's text with comments blanked out (same offsets). */
function codeOnly(text: string): string {
  return text.replace(/\/\/[^\n\r\u2028\u2029\u0085]*|\/\*[\s\S]*?(?:\*\/|$)/g, (m) => m.replace(/[^\n]/g, " "));
}

const IDENT = /[\p{L}_][\p{L}\p{N}_]*/gu;

export function checkConfusables(c: Checker): void {
  const text = c.file.text;
  // Plain ASCII specs (all the shipped ones) have nothing to confuse.
  if (!/[^\x00-\x7f]/.test(text)) return;
  const first = new Map<string, number>();
  for (const m of codeOnly(text).matchAll(IDENT)) if (!first.has(m[0])) first.set(m[0], m.index!);
  const bySkeleton = new Map<string, string>();
  for (const [name, at] of first) {
    const span = { start: at, end: at + name.length };
    const scripts = scriptsOf(name);
    if (scripts.length > 1) {
      c.warn(span, `\`${name}\` mixes scripts (${scripts.join(" and ")}): it can look like another name`, "write every name in one script");
    }
    const key = skeleton(name);
    const other = bySkeleton.get(key);
    if (other === undefined) {
      bySkeleton.set(key, name);
      continue;
    }
    // Point at the name with the unusual letters; say where the plain-looking one is.
    const [odd, plain] = /^[\x00-\x7f]*$/.test(name) ? [other, name] : [name, other];
    const oddAt = first.get(odd)!;
    const { line, col } = c.file.position(first.get(plain)!);
    const letters = [...odd].filter((ch) => ch.charCodeAt(0) > 0x7f).map((ch) => `${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
    c.error(
      { start: oddAt, end: oddAt + odd.length },
      `\`${odd}\` looks like \`${plain}\` (line ${line}, column ${col}) but is a different name${letters.length ? `: it holds ${letters.join(", ")}` : ""}`,
      "rename one of them; names that look alike are refused",
    );
  }
}

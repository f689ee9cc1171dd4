// Command lines a person copies into a shell. Paths and names come from specs and trace files,
// which are untrusted: every word is quoted so that the shell reads it as one literal word.

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
// Characters a terminal or a shell would act on inside quotes, or that break the line when pasted.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** One shell word: as it is when plain, else in single quotes; with control characters (CR, LF,
 * U+2028, ...) as a `$'...'` word with escapes (bash, zsh, ksh), so a pasted line stays one line. */
export function shellQuote(word: string): string {
  if (word !== "" && PLAIN.test(word)) return word;
  if (!CONTROL.test(word)) return `'${word.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\" || ch === "'") out += `\\${ch}`;
    else if (CONTROL.test(ch)) out += c <= 0xff ? `\\x${c.toString(16).padStart(2, "0")}` : `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + "'";
}

/** A command line from its words, each quoted as needed. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}

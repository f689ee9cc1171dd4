// Command lines that stakecheck prints for a person to paste (reproduce, regenerate, replay): every
// argument quoted so that the shell reads it back as exactly one word, whatever it holds (spaces,
// quotes, `$`, `;`, line terminators, control characters from a trace file or a path).

const PLAIN = /^[A-Za-z0-9_\/.,:=@%+-]+$/;
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** One shell word: as is when plain, else in single quotes, or as $'...' when it holds controls. */
export function shellQuote(arg: string): string {
  if (arg !== "" && PLAIN.test(arg)) return arg;
  if (!CONTROL.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const ch of arg) {
    const c = ch.codePointAt(0)!;
    if (ch === "'" || ch === "\\") out += `\\${ch}`;
    else if (CONTROL.test(ch)) out += c <= 0xff ? `\\x${c.toString(16).padStart(2, "0")}` : `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A command line from words: the first ones (the program and its subcommand) as given. */
export function shellCommand(program: string, args: readonly string[]): string {
  return [program, ...args.map(shellQuote)].join(" ");
}

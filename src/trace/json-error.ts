// Where and why a text is not JSON, in words that do not depend on the Node version (V8's messages
// change, and some give no position). Used only after JSON.parse has failed: a plain scanner that
// stops at the first error.

export interface JsonSyntaxError {
  /** The text ended before the JSON did: a truncated file. */
  readonly truncated: boolean;
  readonly line: number;
  readonly col: number;
  /** What was expected there, e.g. "a value" or "`,` or `}`". */
  readonly expected: string;
}

class Stop {
  constructor(
    readonly pos: number,
    readonly expected: string,
  ) {}
}

export function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const fail = (expected: string): never => {
    throw new Stop(i, expected);
  };
  const string = () => {
    i++; // opening quote
    while (i < n && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail("the end of the string (`\"`) before the line ends");
      if (text[i] === "\\") {
        i++;
        if (i >= n) break;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
            if (i + 5 > n) i = n;
            fail("four hex digits after `\\u`");
          }
          i += 5;
        } else if (!'"\\/bfnrt'.includes(text[i])) fail("an escape such as `\\n` or `\\\"`");
        else i++;
      } else i++;
    }
    if (i >= n) fail("the end of the string (`\"`)");
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "-") fail("a value");
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    if (i >= n) fail("a value");
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("`:` after the property name");
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") return void i++;
        fail("`,` or `}`");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") return void i++;
        fail("`,` or `]`");
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) return void (i += word.length);
      if (word.startsWith(text.slice(i))) {
        i = n; // the file ends inside the word
        fail("a value");
      }
    }
    fail("a value");
  };
  try {
    value();
    ws();
    if (i < n) fail("the end of the file after the JSON value");
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.pos);
    const line = before.split("\n").length;
    const col = e.pos - before.lastIndexOf("\n");
    return { truncated: e.pos >= n, line, col, expected: e.expected };
  }
}

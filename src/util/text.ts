// Text from files (reports, traces) shown to people: control characters could move a terminal's
// cursor, set its title or forge a CI annotation, so they are dropped before anything is printed.

/** Multi-line text, safe on a terminal: control characters and line separators dropped, line breaks kept. */
export function safeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, "");
}

/** Text safe on one line: every control character and line break a space. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

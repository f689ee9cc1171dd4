/** Exit codes: every property holds / a property is violated / bad spec or usage / the search
 * stopped early on a resource limit (memory, interrupt) without finding a violation. */
export const EXIT = { OK: 0, VIOLATION: 1, USAGE: 2, INCOMPLETE: 3 } as const;

/** Thrown by a command to end with a one-line message and an exit code. */
export class Exit extends Error {
  constructor(
    readonly code: number,
    message = "",
  ) {
    super(message);
  }
}

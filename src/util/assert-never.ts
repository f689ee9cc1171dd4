// Ends every switch over a kind: the compiler proves the switch covers every case, and a value that
// still arrives (a malformed object from outside the type system) fails loudly instead of falling
// through a silent `default:`.

export function assertNever(x: never, what = "kind"): never {
  const shown = typeof x === "object" && x !== null && "k" in x ? String((x as { k: unknown }).k) : String(x);
  throw new Error(`internal: unexpected ${what} ${shown}`);
}

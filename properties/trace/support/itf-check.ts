// ITF's structural rules (Apalache ADR-015), checked on a written file, plus ours for writing:
// every state holds every variable of `vars`; every integer is {"#bigint": "..."} (no bare JSON
// numbers in values); sets are {"#set": [...]}, maps {"#map": [[k, v], ...]}; a tagged object has
// exactly one key.

function checkValue(v: unknown, at: string, out: string[]): void {
  if (typeof v === "number") return void out.push(`${at}: bare JSON number ${v}`);
  if (typeof v === "boolean" || typeof v === "string") return;
  if (Array.isArray(v)) return v.forEach((x, i) => checkValue(x, `${at}[${i}]`, out));
  if (typeof v !== "object" || v === null) return void out.push(`${at}: ${JSON.stringify(v)} is not an ITF value`);
  const keys = Object.keys(v);
  const tags = keys.filter((k) => k.startsWith("#"));
  const o = v as Record<string, unknown>;
  if (tags.length === 0) return keys.forEach((k) => checkValue(o[k], `${at}.${k}`, out));
  if (keys.length !== 1) return void out.push(`${at}: a tagged object with keys ${keys.join(", ")}`);
  const tag = tags[0];
  if (tag === "#bigint") {
    if (typeof o[tag] !== "string" || !/^-?[0-9]+$/.test(o[tag] as string)) out.push(`${at}: bad #bigint ${JSON.stringify(o[tag])}`);
  } else if (tag === "#set" || tag === "#tup") {
    if (!Array.isArray(o[tag])) out.push(`${at}: ${tag} without an array`);
    else (o[tag] as unknown[]).forEach((x, i) => checkValue(x, `${at}${tag}[${i}]`, out));
  } else if (tag === "#map") {
    const m = o[tag];
    if (!Array.isArray(m)) return void out.push(`${at}: #map without an array`);
    m.forEach((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) return void out.push(`${at}: #map entry ${i} is not a pair`);
      checkValue(pair[0], `${at} key ${i}`, out);
      checkValue(pair[1], `${at} value ${i}`, out);
    });
  } else out.push(`${at}: unknown tag ${tag}`);
}

/** The rules a file breaks (empty when it is a well-formed ITF trace as we write them). */
export function itfProblems(json: unknown): string[] {
  const out: string[] = [];
  if (typeof json !== "object" || json === null) return ["not an object"];
  const t = json as Record<string, unknown>;
  if (typeof t["#meta"] !== "object") out.push("#meta is not an object");
  const vars = t.vars;
  if (!Array.isArray(vars) || !vars.every((v) => typeof v === "string")) return [...out, "vars is not an array of strings"];
  if (!Array.isArray(t.states)) return [...out, "states is not an array"];
  t.states.forEach((s: unknown, i: number) => {
    if (typeof s !== "object" || s === null) return void out.push(`state ${i} is not an object`);
    const st = s as Record<string, unknown>;
    const meta = st["#meta"] as Record<string, unknown> | undefined;
    if (!meta || meta.index !== i) out.push(`state ${i}: #meta.index is not ${i}`);
    for (const v of vars) {
      if (!(v in st)) out.push(`state ${i}: variable ${v} is missing`);
      else checkValue(st[v], `state ${i}.${v}`, out);
    }
    for (const k of Object.keys(st)) if (k !== "#meta" && !vars.includes(k)) out.push(`state ${i}: ${k} is not in vars`);
  });
  return out;
}

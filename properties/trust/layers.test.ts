// The pipeline's floors import one way: no import cycle runs through two folders of src/ (a runner
// in src/api and its formatter in src/report share result types from src/api/types/ instead of
// importing each other: issue 19 found api/conform <-> report/conform-text and api/fuzz <->
// report/fuzz-text).

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** Strongly connected components of the import graph (Tarjan), those with more than one file. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("src/ layering", () => {
  it("no import cycle spans two folders", () => {
    const graph = new Map<string, string[]>();
    for (const file of sources("src")) {
      const text = readFileSync(file, "utf8");
      const deps = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gms)].map((m) => normalize(join(dirname(file), m[1].replace(/\.js$/, ".ts"))));
      graph.set(file, deps);
    }
    const folder = (f: string) => dirname(relative("src", f)).split("/")[0];
    const crossing = cycles(graph).filter((c) => new Set(c.map(folder)).size > 1);
    expect(crossing).toEqual([]);
  });
});

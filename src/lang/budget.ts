// A memory budget for parsing. The Ohm parser keeps a memo entry and a syntax-tree node for every
// rule applied at every position: about 0.7 to 0.9 KB per byte of comments and white space, 1.5 to
// 3.5 KB per byte of code (measured on long comments, long runs of blanks, 400,000 consts and one
// 200 KB expression). A 10 MB spec would need far more than V8's heap, and V8 aborts the process
// when its heap runs out. So the text is costed first, and a spec whose cost exceeds what the heap
// has left gets a located "too large" error instead.

import v8 from "node:v8";

/** Estimated parser bytes per byte of comment or white space, and per byte of code. */
const COST_BLANK = 1000;
const COST_CODE = 3600;
/** Share of the heap left that parsing may take. */
const SHARE = 0.6;

/** Bytes of heap the parser may use now. */
export function parseBudget(): number {
  const h = v8.getHeapStatistics();
  return Math.max(0, (h.heap_size_limit - h.used_heap_size) * SHARE);
}

/** Where the estimated cost of parsing `text` first exceeds `budget` bytes, or null if it never
 * does. `estimate` is the whole text's estimated cost. */
export function overBudget(text: string, budget: number): { offset: number; estimate: number } | null {
  // The cheap bound first: most specs are far below any budget.
  if (text.length * COST_CODE <= budget) return null;
  let cost = 0;
  let at = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    let blank = 0;
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      let j = i + 2;
      while (j < n && !isLineEnd(text.charCodeAt(j))) j++;
      blank = j - i;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf("*/", i + 2);
      blank = (end < 0 ? n : end + 2) - i;
    } else if (c <= 32 || isLineEnd(c)) {
      blank = 1;
    }
    if (blank > 0) {
      if (at < 0 && cost + blank * COST_BLANK > budget) at = i + Math.max(0, Math.floor((budget - cost) / COST_BLANK));
      cost += blank * COST_BLANK;
      i += blank;
    } else {
      cost += COST_CODE;
      if (at < 0 && cost > budget) at = i;
      i++;
    }
  }
  return at < 0 ? null : { offset: Math.min(at, n - 1), estimate: cost };
}

function isLineEnd(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

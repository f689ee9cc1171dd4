// ITF expressions (Apalache ADR-015) <-> readable values.
//
// Writing is strict and typed by the spec: ints as {"#bigint": "..."}, sets as {"#set": [...]} in
// element order, maps as {"#map": [[key, value], ...]} with every key in key order, records as
// objects in field order, queues as arrays, bools as JSON booleans, enum members as strings.
// Reading is lenient about what ITF allows (plain JSON integers, {"#tup": [...]} for a queue, set
// elements and map entries in any order) and untyped: the spec's types are applied afterwards by
// model.encode, which says in words what does not fit.

import type { Readable } from "../model/layout.js";
import { cardinality, scalarLo, type ScalarTy, type Ty } from "../ir/types.js";
import { keyText, scalarReadable, setOwn } from "../model/layout.js";

/** A JSON value as written to a file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The ITF form of a readable value of type `ty`; throws on a value that does not fit (a bug in
 * the caller: written values come from model.decode). `strict` false: an enum value need not be a
 * member (an implementation's value, recorded as found, can be anything of the right shape). */
export function toItf(ty: Ty, v: Readable, strict = true): Json {
  switch (ty.k) {
    case "bool":
      if (typeof v !== "boolean") throw new TypeError(`toItf: ${JSON.stringify(v)} is not a bool`);
      return v;
    case "int":
      if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new TypeError(`toItf: ${JSON.stringify(v)} is not an int`);
      return { "#bigint": String(v) };
    case "enum":
      if (typeof v !== "string" || (strict && !ty.members.includes(v))) throw new TypeError(`toItf: ${JSON.stringify(v)} is not a member of ${ty.name}`);
      return v;
    case "set": {
      if (!Array.isArray(v)) throw new TypeError(`toItf: ${JSON.stringify(v)} is not a set`);
      const elem = ty.elem;
      return { "#set": elem.k === "any" ? [] : v.map((x) => toItf(elem, x, strict)) };
    }
    case "map": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) throw new TypeError(`toItf: ${JSON.stringify(v)} is not a map`);
      const entries: Json[] = [];
      const lo = scalarLo(ty.key);
      for (let i = 0; i < cardinality(ty.key); i++) {
        const k = keyText(ty.key, lo + i);
        if (!Object.hasOwn(v, k)) throw new TypeError(`toItf: key ${k} is missing`);
        entries.push([scalarToItf(ty.key, lo + i), toItf(ty.val, v[k], strict)]);
      }
      return { "#map": entries };
    }
    case "rec": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) throw new TypeError(`toItf: ${JSON.stringify(v)} is not a record`);
      const out: { [k: string]: Json } = Object.create(null);
      for (const f of ty.fields) out[f.name] = toItf(f.ty, v[f.name], strict);
      return out;
    }
    case "seq": {
      if (!Array.isArray(v)) throw new TypeError(`toItf: ${JSON.stringify(v)} is not a queue`);
      const elem = ty.elem;
      return elem.k === "any" ? [] : v.map((x) => toItf(elem, x, strict));
    }
    case "any":
    case "error":
      return [];
  }
}

/** The ITF form of a scalar's slot code (an int's value, a bool's 0/1, an enum's ordinal). */
export function scalarToItf(ty: ScalarTy, code: number): Json {
  return toItf(ty, scalarReadable(ty, code));
}

/** A value read from a file, or what is wrong with it (`at` names the place, e.g. `bal[1]`). */
export type FromItf = { readonly value: Readable } | { readonly error: string };

const BIGINT = /^-?[0-9]+$/;

function describeJson(v: unknown): string {
  if (v === undefined) return "nothing";
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads an ITF expression as a readable value, untyped; `at` is where it is, for messages. */
export function fromItf(v: unknown, at: string): FromItf {
  switch (typeof v) {
    case "boolean":
    case "string":
      return { value: v };
    case "number":
      if (!Number.isInteger(v)) return { error: `${at}: ${v} is not a whole number` };
      if (!Number.isSafeInteger(v)) return { error: `${at}: ${v} is too large` };
      return { value: v };
  }
  if (Array.isArray(v)) return list(v, at);
  if (!isObject(v)) return { error: `${at}: ${describeJson(v)} is not an ITF value` };
  const keys = Object.keys(v);
  const tags = keys.filter((k) => k.startsWith("#"));
  if (tags.length === 0) {
    const out: { [k: string]: Readable } = {};
    for (const k of keys) {
      const r = fromItf(v[k], `${at}.${k}`);
      if ("error" in r) return r;
      setOwn(out, k, r.value);
    }
    return { value: out };
  }
  if (tags.length > 1 || keys.length > 1) return { error: `${at}: an ITF ${tags[0]} object has no other keys, found ${keys.join(", ")}` };
  const tag = tags[0];
  const body = v[tag];
  switch (tag) {
    case "#bigint": {
      if (typeof body !== "string" || !BIGINT.test(body)) return { error: `${at}: "#bigint" must be a string of digits, found ${describeJson(body)}` };
      const n = Number(body);
      if (!Number.isSafeInteger(n)) return { error: `${at}: ${body} is too large` };
      return { value: n };
    }
    case "#set":
    case "#tup":
      if (!Array.isArray(body)) return { error: `${at}: "${tag}" must hold an array, found ${describeJson(body)}` };
      return list(body, at);
    case "#map":
      return map(body, at);
    default:
      return { error: `${at}: "${tag}" is not an ITF form (expected #bigint, #set, #map or #tup)` };
  }
}


function list(items: unknown[], at: string): FromItf {
  const out: Readable[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = fromItf(items[i], `${at}[${i}]`);
    if ("error" in r) return r;
    out.push(r.value);
  }
  return { value: out };
}

function map(body: unknown, at: string): FromItf {
  if (!Array.isArray(body)) return { error: `${at}: "#map" must hold an array of [key, value] pairs, found ${describeJson(body)}` };
  const out: { [k: string]: Readable } = {};
  for (let i = 0; i < body.length; i++) {
    const pair = body[i];
    if (!Array.isArray(pair) || pair.length !== 2) return { error: `${at}: "#map" entry ${i} must be a [key, value] pair, found ${describeJson(pair)}` };
    const key = fromItf(pair[0], `${at} key ${i}`);
    if ("error" in key) return key;
    const k = key.value;
    if (typeof k === "object") return { error: `${at}: map key ${describeJson(pair[0])} is not an integer, a boolean or a name` };
    const text = String(k);
    if (Object.hasOwn(out, text)) return { error: `${at}: key ${text} appears twice` };
    const val = fromItf(pair[1], `${at}[${text}]`);
    if ("error" in val) return val;
    setOwn(out, text, val.value);
  }
  return { value: out };
}

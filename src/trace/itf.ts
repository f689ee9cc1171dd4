// ITF expressions (Apalache ADR-015) <-> readable values.
//
// Writing is strict and typed by the spec: ints as {"#bigint": "..."}, fractions as the record
// {"num": {"#bigint": "7"}, "den": {"#bigint": "2"}} (lowest terms, den > 0, den 1 for a whole
// value of a fraction type), sets as {"#set": [...]} in element order, maps as
// {"#map": [[key, value], ...]} with every key in key order, records as objects in field order,
// tuples as {"#tup": [...]}, options as Quint's variants {"tag": "Some", "value": x} and
// {"tag": "None", "value": {"#tup": []}}, queues as arrays, bools as JSON booleans, enum members as
// strings. Nothing is ever written as a scaled integer.
// Reading is lenient about what ITF allows (plain JSON integers, {"#tup": [...]} for a queue, set
// elements and map entries in any order) and untyped: the spec's types are applied afterwards by
// model.encode, which says in words what does not fit.

import type { Readable } from "../model/layout.js";
import { gcd } from "../ir/rational.js";
import { denOf, sizeOfTy, type Ty } from "../ir/types.js";
import { indexReadable, setOwn } from "../model/layout.js";
import { readableFraction, readableOption, readableText } from "../model/values.js";

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
    case "int": {
      if (denOf(ty) > 1) {
        const f = readableFraction(v);
        if (!f) throw new TypeError(`toItf: ${JSON.stringify(v)} is not a fraction`);
        const g = gcd(f[0], f[1]) || 1;
        return { num: { "#bigint": String(f[0] / g) }, den: { "#bigint": String(f[1] / g) } };
      }
      if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new TypeError(`toItf: ${JSON.stringify(v)} is not an int`);
      return { "#bigint": String(v) };
    }
    case "option": {
      const o = readableOption(v);
      if (o === undefined) throw new TypeError(`toItf: ${JSON.stringify(v)} is not an option`);
      if (o === null || ty.elem.k === "any") return { tag: "None", value: { "#tup": [] } };
      return { tag: "Some", value: toItf(ty.elem, o[0], strict) };
    }
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
      for (let i = 0; i < sizeOfTy(ty.key); i++) {
        const key = indexReadable(ty.key, i);
        const k = readableText(key);
        if (!Object.hasOwn(v, k)) throw new TypeError(`toItf: key ${k} is missing`);
        entries.push([toItf(ty.key, key), toItf(ty.val, v[k], strict)]);
      }
      return { "#map": entries };
    }
    case "rec": {
      if (ty.tuple) {
        if (!Array.isArray(v) || v.length !== ty.fields.length) throw new TypeError(`toItf: ${JSON.stringify(v)} is not a tuple`);
        return { "#tup": ty.fields.map((f, i) => toItf(f.ty, v[i], strict)) };
      }
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
    const text = readableText(key.value);
    if (Object.hasOwn(out, text)) return { error: `${at}: key ${text} appears twice` };
    const val = fromItf(pair[1], `${at}[${text}]`);
    if ("error" in val) return val;
    setOwn(out, text, val.value);
  }
  return { value: out };
}

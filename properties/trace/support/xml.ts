// A small, strict XML parser for checking the JUnit report: elements, attributes in double quotes,
// text, the five predefined entities and character references; anything else is an error. Enough
// to prove the report well-formed and to count its elements, without a dependency.

export interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;]*);|&|</g, (m, ref: string | undefined) => {
    if (m === "&" || m === "<") throw new Error(`XML: a bare ${m} at ${at}`);
    if (ref! in ENTITIES) return ENTITIES[ref!];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref!);
    if (!num) throw new Error(`XML: unknown entity &${ref}; at ${at}`);
    return String.fromCodePoint(num[1][0] === "x" ? parseInt(num[1].slice(1), 16) : parseInt(num[1], 10));
  });
}

export function parseXml(text: string): XmlElement {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expect = (s: string) => {
    if (!text.startsWith(s, i)) throw new Error(`XML: expected ${JSON.stringify(s)} at ${i}, found ${JSON.stringify(text.slice(i, i + 20))}`);
    i += s.length;
  };
  const name = () => {
    const m = NAME.exec(text.slice(i));
    if (!m) throw new Error(`XML: expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const element = (): XmlElement => {
    expect("<");
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      ws();
      if (text.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (text[i] === ">") {
        i++;
        break;
      }
      if (i === before) throw new Error(`XML: expected whitespace before an attribute at ${i}`);
      const a = name();
      if (a in el.attrs) throw new Error(`XML: attribute ${a} twice in <${el.name}>`);
      ws();
      expect("=");
      ws();
      expect('"');
      const end = text.indexOf('"', i);
      if (end < 0) throw new Error("XML: unterminated attribute");
      el.attrs[a] = decode(text.slice(i, end), i);
      i = end + 1;
    }
    for (;;) {
      const lt = text.indexOf("<", i);
      if (lt < 0) throw new Error(`XML: <${el.name}> is not closed`);
      el.text += decode(text.slice(i, lt), i);
      i = lt;
      if (text.startsWith("</", i)) {
        i += 2;
        const close = name();
        if (close !== el.name) throw new Error(`XML: </${close}> closes <${el.name}>`);
        ws();
        expect(">");
        return el;
      }
      el.children.push(element());
    }
  };
  if (text.startsWith("<?xml")) {
    const end = text.indexOf("?>");
    if (end < 0) throw new Error("XML: unterminated declaration");
    i = end + 2;
  }
  ws();
  const root = element();
  ws();
  if (i !== text.length) throw new Error(`XML: content after the root element at ${i}`);
  return root;
}

/** Every element named `name` under `el`, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

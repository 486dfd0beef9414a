/** An element of a parsed document: its name, child elements and text (entities decoded). */
export type XmlElement = { name: string; children: XmlElement[]; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isNameChar = (ch: string) =>
  (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || '_.-'.includes(ch);

/**
 * A strict little XML reader for the documents our API writes: an optional declaration, elements without
 * attributes, text with the five named entities and numeric references. Anything else (a stray `<` or `&`,
 * a control character, a mismatched or unclosed tag, trailing content) throws, so a test fails on output a
 * real XML parser would reject.
 */
export function parseXml(doc: string): XmlElement {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos}: ${JSON.stringify(doc.slice(pos, pos + 30))}`);
  };
  const skipSpace = () => {
    while (pos < doc.length && ' \t\r\n'.includes(doc.charAt(pos))) {
      pos++;
    }
  };
  const readName = (): string => {
    const start = pos;
    while (pos < doc.length && isNameChar(doc.charAt(pos))) {
      pos++;
    }
    return start === pos ? fail('expected a name') : doc.slice(start, pos);
  };
  const expect = (text: string) => {
    if (!doc.startsWith(text, pos)) {
      fail(`expected ${text}`);
    }
    pos += text.length;
  };
  const readEntity = (): string => {
    const end = doc.indexOf(';', pos);
    if (end < 0 || end - pos > 10) {
      return fail('unterminated entity');
    }
    const name = doc.slice(pos + 1, end);
    pos = end + 1;
    if (name.startsWith('#x')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    }
    return ENTITIES[name] ?? fail(`unknown entity &${name};`);
  };
  const readElement = (): XmlElement => {
    expect('<');
    const name = readName();
    skipSpace();
    if (doc.startsWith('/>', pos)) {
      pos += 2;
      return { name, children: [], text: '' };
    }
    expect('>');
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= doc.length) {
        fail(`unclosed <${name}>`);
      }
      const ch = doc.charAt(pos);
      if (doc.startsWith('</', pos)) {
        pos += 2;
        if (readName() !== name) {
          fail(`mismatched </…> for <${name}>`);
        }
        skipSpace();
        expect('>');
        // whitespace between child elements is layout, not content
        return { name, children, text: children.length > 0 && text.trim() === '' ? '' : text };
      }
      if (ch === '<') {
        children.push(readElement());
      } else if (ch === '&') {
        text += readEntity();
      } else if (ch.charCodeAt(0) < 0x20 && !'\t\r\n'.includes(ch)) {
        fail('control character');
      } else {
        text += ch;
        pos++;
      }
    }
  };

  if (doc.startsWith('<?xml', pos)) {
    const end = doc.indexOf('?>', pos);
    pos = end < 0 ? fail('unterminated declaration') : end + 2;
  }
  skipSpace();
  const root = readElement();
  skipSpace();
  if (pos !== doc.length) {
    fail('content after the root element');
  }
  return root;
}

/** A flat element's children as a record of name → text (a service or a request). */
export function fieldsOf(element: XmlElement): Record<string, string> {
  return Object.fromEntries(element.children.map((c) => [c.name, c.text]));
}

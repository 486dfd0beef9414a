/** A value one XML element carries; `undefined` leaves the element out. */
export type XmlScalar = string | number | boolean;
export type XmlRecord = Readonly<Record<string, XmlScalar | undefined>>;

/**
 * What XML 1.0 cannot carry or a reader should not see: C0 controls (but tab and line breaks), DEL and C1
 * controls, U+FFFE/U+FFFF and lone surrogates.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Text safe inside an element or an attribute: control characters removed, the five specials escaped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

function assertName(name: string): string {
  if (!NAME.test(name)) {
    throw new Error(`not an XML element name: ${name}`);
  }
  return name;
}

function element(name: string, value: XmlScalar): string {
  assertName(name);
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** One record as an element of its fields, in their order; fields without a value are left out. */
export function xmlRecord(name: string, record: XmlRecord): string {
  const fields = Object.entries(record)
    .filter((entry): entry is [string, XmlScalar] => entry[1] !== undefined)
    .map(([key, value]) => element(key, value))
    .join('');
  return `<${assertName(name)}>${fields}</${name}>`;
}

/** A document of one root element holding one element per record (`<services><service>…`). */
export function xmlList(root: string, item: string, records: readonly XmlRecord[]): string {
  const items = records.map((r) => `${xmlRecord(item, r)}\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${assertName(root)}>\n${items}</${root}>\n`;
}

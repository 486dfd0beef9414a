import { describe, expect, it } from 'vitest';
import { escapeXml, xmlList, xmlRecord } from '../../../../src/web/open311/xml.js';
import { fieldsOf, parseXml } from '../../../helpers/parse-xml.js';

describe('escapeXml', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  it('strips control characters but keeps tabs, line breaks and Chinese', () => {
    expect(escapeXml('电梯\u0000坏\u0007了\u001b\u007f\u0085\t\n\r好')).toBe('电梯坏了\t\n\r好');
  });

  it('drops lone surrogates and U+FFFE/U+FFFF but keeps real astral characters', () => {
    expect(escapeXml('a\uD800b\uDC00c\uFFFEd\uFFFF😀')).toBe('abcd😀');
  });
});

describe('xmlList', () => {
  it('writes one root, one element per record, fields in order, and leaves undefined out', () => {
    const doc = xmlList('service_requests', 'request', [
      { service_request_id: 7, status: 'open', address: undefined, metadata: false },
      { service_request_id: 8, status: 'closed' },
    ]);

    const root = parseXml(doc);

    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('service_requests');
    expect(root.children.map((c) => c.name)).toEqual(['request', 'request']);
    expect(root.children[0]?.children.map((c) => c.name)).toEqual([
      'service_request_id',
      'status',
      'metadata',
    ]);
    expect(root.children.map(fieldsOf)).toEqual([
      { service_request_id: '7', status: 'open', metadata: 'false' },
      { service_request_id: '8', status: 'closed' },
    ]);
  });

  it('carries hostile text through as text: markup stays text, control characters are gone', () => {
    const text = '5号楼</description><script>alert(1)</script>&amp; "引号" \'单\'\u0001';

    const root = parseXml(xmlList('errors', 'error', [{ code: 400, description: text }]));

    expect(root.children).toHaveLength(1);
    expect(fieldsOf(root.children[0] as never)).toEqual({
      code: '400',
      description: '5号楼</description><script>alert(1)</script>&amp; "引号" \'单\'',
    });
  });

  it('writes an empty list as an empty root', () => {
    const root = parseXml(xmlList('services', 'service', []));

    expect(root.name).toBe('services');
    expect(root.children).toEqual([]);
    expect(root.text.trim()).toBe('');
  });

  it('refuses a field name that is not an XML name', () => {
    expect(() => xmlRecord('request', { 'bad name': 1 })).toThrow('not an XML element name');
    expect(() => xmlList('a<b', 'request', [])).toThrow('not an XML element name');
  });
});

describe("parseXml (the tests' reader)", () => {
  it('rejects what a real parser rejects', () => {
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(() => parseXml('<a></a><b></b>')).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { capText, cleanText } from '../../../src/text/clean-text.js';

describe('text from residents', () => {
  it('loses control characters and direction overrides, keeps line breaks, Chinese and emoji', () => {
    expect(cleanText('3号楼\u202E漏水\u0007了\n快来😭')).toBe('3号楼漏水了\n快来😭');
    expect(cleanText('\u2066工单\u2069\t#3')).toBe('工单\t#3');
  });

  it('caps by whole characters', () => {
    expect(capText('电梯坏了', 10)).toBe('电梯坏了');
    expect(capText('😭😭😭', 2)).toBe('😭😭');
  });
});

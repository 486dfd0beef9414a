import { describe, expect, it } from 'vitest';
import { afterDailySpan, deadlinePhrase, toChinaIso } from '../../../src/clock/china-time.js';

const at = (iso: string) => new Date(iso);

describe('deadlines in the words people use', () => {
  it('says a midnight deadline as the end of the day before, with its weekday', () => {
    expect(deadlinePhrase(at('2026-12-16T00:00:00+08:00'))).toBe('12月15日（周二）前');
  });

  it('says today and tomorrow with the time of day', () => {
    const now = at('2026-12-07T09:00:00+08:00');
    expect(deadlinePhrase(at('2026-12-07T17:00:00+08:00'), now)).toBe('今天 17:00 前');
    expect(deadlinePhrase(at('2026-12-08T09:30:00+08:00'), now)).toBe('明天 09:30 前');
    expect(deadlinePhrase(at('2026-12-08T00:00:00+08:00'), now)).toBe('今天内');
    expect(deadlinePhrase(at('2026-12-09T00:00:00+08:00'), now)).toBe('明天内');
    expect(deadlinePhrase(at('2026-12-10T15:00:00+08:00'), now)).toBe('12月10日（周四）15:00 前');
  });

  it('reads the China day whatever the machine’s zone: 23:30 UTC is the next morning in China', () => {
    expect(deadlinePhrase(at('2026-12-06T23:30:00Z'), at('2026-12-07T01:00:00+08:00'))).toBe('今天 07:30 前');
  });
});

describe('quiet hours', () => {
  const QUIET = '22:00-07:30';
  it('moves a time inside the span to its end, over midnight', () => {
    expect(toChinaIso(afterDailySpan(at('2026-12-07T05:00:00+08:00'), QUIET))).toBe(
      '2026-12-07T07:30:00+08:00',
    );
    expect(toChinaIso(afterDailySpan(at('2026-12-07T23:10:00+08:00'), QUIET))).toBe(
      '2026-12-08T07:30:00+08:00',
    );
  });
  it('leaves a time outside the span, and the span’s end itself, alone', () => {
    const noon = at('2026-12-07T12:00:00+08:00');
    expect(afterDailySpan(noon, QUIET)).toBe(noon);
    const end = at('2026-12-07T07:30:00+08:00');
    expect(afterDailySpan(end, QUIET)).toBe(end);
  });
  it('handles a span within one day', () => {
    expect(toChinaIso(afterDailySpan(at('2026-12-07T12:30:00+08:00'), '12:00-13:30'))).toBe(
      '2026-12-07T13:30:00+08:00',
    );
  });
});

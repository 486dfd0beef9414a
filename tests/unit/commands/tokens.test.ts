import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  parseBuilding,
  parsePeriod,
  parseScore,
  readTicket,
} from '../../../src/commands/tokens.js';

describe('readTicket', () => {
  it.each([
    ['12', 12, 2],
    ['#12', 12, 3],
    ['# 12', 12, 4],
    ['12号', 12, 3],
    ['12 已修', 12, 2],
    ['012', 12, 3],
  ])('reads %s', (text, value, end) => {
    expect(readTicket(text, 0)).toEqual({ value, end });
  });

  it.each(['12楼', '12层', '12单元', '12号楼', '12栋', '楼12', '#', ''])(
    'does not read %s as a ticket',
    (text) => {
      expect(readTicket(text, 0)).toBeNull();
    },
  );

  it.each(['0', '#0', '00', '9007199254740992', '12345678901234567890'])('marks %s as unusable', (text) => {
    expect(readTicket(text, 0)?.value).toBeNull();
  });
});

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
  ])('reads %s as %i', (word, value) => {
    expect(chineseNumber(word)).toBe(value);
  });

  it.each(['', '零', '三五', '百', '十十', 'x'])('refuses %j', (word) => {
    expect(chineseNumber(word)).toBeNull();
  });
});

describe('parseScore', () => {
  it.each([
    ['1', 1],
    ['5', 5],
    ['五', 5],
    ['5分', 5],
    ['4星', 4],
    ['三颗星', 3],
    ['3 分', 3],
  ])('reads %s as %i', (word, value) => {
    expect(parseScore(word)).toBe(value);
  });

  it.each(['', '0', '6', '十', '10分', '5分很好', '好'])('refuses %j', (word) => {
    expect(parseScore(word)).toBeNull();
  });
});

describe('parsePeriod', () => {
  it.each([
    ['', 'today'],
    ['今天', 'today'],
    ['今日', 'today'],
    ['本周', 'week'],
    ['这周', 'week'],
    ['本月', 'month'],
    ['这个月', 'month'],
    ['Week', 'week'],
  ])('reads %j as %s', (word, period) => {
    expect(parsePeriod(word)).toBe(period);
  });

  it.each(['明年', 'constructor', '__proto__', '局的人来了吗'])('refuses %j', (word) => {
    expect(parsePeriod(word)).toBeNull();
  });
});

describe('parseBuilding', () => {
  it.each([
    ['3', 3],
    ['3号楼', 3],
    ['3号', 3],
    ['3栋', 3],
    ['三号楼', 3],
    ['二十三栋', 23],
  ])('reads %s as %i', (word, value) => {
    expect(parseBuilding(word)?.value).toBe(value);
  });

  it('marks building 0 as unusable and refuses words', () => {
    expect(parseBuilding('0号楼')?.value).toBeNull();
    expect(parseBuilding('下的王阿姨')).toBeNull();
  });
});

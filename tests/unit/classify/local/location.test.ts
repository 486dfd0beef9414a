import { describe, expect, it } from 'vitest';
import { extractLocation, namedBuildings } from '../../../../src/classify/local/location.js';
import { normalizeText } from '../../../../src/classify/local/normalize.js';

const locate = (text: string) => extractLocation(normalizeText(text));

describe('extractLocation', () => {
  it.each([
    ['3号楼电梯坏了', { building: 3, unit: null, room: null }],
    ['三号楼楼道灯不亮', { building: 3, unit: null, room: null }],
    ['十二栋二单元门口', { building: 12, unit: 2, room: null }],
    ['二十三号楼的邻居', { building: 23, unit: null, room: null }],
    ['3栋501', { building: 3, unit: null, room: 501 }],
    ['6幢1单元', { building: 6, unit: 1, room: null }],
    ['5#单元门坏了', { building: 5, unit: null, room: null }],
    ['11#楼1203', { building: 11, unit: null, room: 1203 }],
    ['就在3-2-502', { building: 3, unit: 2, room: 502 }],
    ['3号楼2单元502', { building: 3, unit: 2, room: 502 }],
    ['单元门锁坏了 18号2单元', { building: 18, unit: 2, room: null }],
    ['水漫进屋了 17号1单元102', { building: 17, unit: 1, room: 102 }],
    ['十八号二单元楼道灯坏了', { building: 18, unit: 2, room: null }],
    ['3月18号2单元停水', { building: null, unit: 2, room: null }],
    ['9号楼2单元601室', { building: 9, unit: 2, room: 601 }],
    ['我家702室 报警器一直叫', { building: null, unit: null, room: 702 }],
    ['22#一单元 电梯困人', { building: 22, unit: 1, room: null }],
    ['5-2的电梯停了', { building: 5, unit: 2, room: null }],
    ['building 9 room 1103, please send someone', { building: 9, unit: null, room: 1103 }],
    ['trapped in lift bldg 23 unit 1 between floors', { building: 23, unit: 1, room: null }],
    ['neighbours from unit 2 of building 29 welcome', { building: 29, unit: 2, room: null }],
    ['smoke from apartment 1203 building 25', { building: 25, unit: null, room: 1203 }],
    ['sewer smell, bldg 5 unit 1 rm 1001', { building: 5, unit: 1, room: 1001 }],
    ['oily smoke into our windows in tower 23', { building: 23, unit: null, room: null }],
    ['power is off in half of 锦苑 28 building', { building: 28, unit: null, room: null }],
    ['wo jia mei shui le, 20 hao lou 2 danyuan', { building: 20, unit: 2, room: null }],
    ['dianti huai le 25 dong', { building: 25, unit: null, room: null }],
    ['gas smell in the whole of unit 2 building 30', { building: 30, unit: 2, room: null }],
    ['lift dark inside building 26, kids scared. 26-2', { building: 26, unit: 2, room: null }],
    ['楼下装修天天电钻 锦苑 23-1. 有时间规定吗', { building: 23, unit: 1, room: null }],
    // a self-correction: the corrected place counts
    ['3号楼 哦不对 4号楼 楼道灯坏了', { building: 4, unit: null, room: null }],
    ['25栋1单元 哦说错了 2单元', { building: 25, unit: 2, room: null }],
    ['我家11栋 噢不是 10栋', { building: 10, unit: null, room: null }],
    ['3号楼2单元502 不对 503', { building: 3, unit: 2, room: 503 }],
    ['3号楼2单元 不对 是5号楼', { building: 5, unit: null, room: null }],
    ['3号楼的灯不对劲 一直闪', { building: 3, unit: null, room: null }],
    // 同一栋 is the same building, not building 1; a floor before the room
    ['同一栋', { building: null, unit: null, room: null }],
    ['陶經理已經同26座嗰家人講咗', { building: 26, unit: null, room: null }],
    ['12栋 11楼 1102', { building: 12, unit: null, room: 1102 }],
    ['5号楼2单远', { building: 5, unit: 2, room: null }],
    ['十二栋一单元一零零二 煤气泄漏了', { building: 12, unit: 1, room: 1002 }],
    // rooms said digit by digit (voice input): 幺 is the spoken 1
    ['八号楼五零二 楼上漏水', { building: 8, unit: null, room: 502 }],
    ['那个 二十四栋 嗯 我家是一五零三 暖气不热', { building: 24, unit: null, room: 1503 }],
    ['十七号楼二单元四零四 门口堆满了纸箱', { building: 17, unit: 2, room: 404 }],
    ['快来人 锦苑三十栋幺幺零一 有人晕倒了', { building: 30, unit: null, room: 1101 }],
    ['我在六零三 就是十一号楼', { building: 11, unit: null, room: 603 }],
  ])('reads %s', (text, expected) => {
    expect(locate(text)).toEqual(expected);
  });

  it.each([
    '我家住5楼 爬楼好累',
    '锦苑3号门出去左转',
    '坐3路车到明德路站',
    '我的车位天天被占 地库B区023',
    '明天3号下午3点在社区广场集合',
    '有意者联系 138****6621 月租2800',
    '一斤4.99 十斤装89元',
    '在东风菜市场17号摊买的猪肉',
    '8:00-18:00 1-10号楼停水',
    '电梯卡在8楼和9楼中间',
    '我测了有60多分贝',
    'the 3-1.5 mm cable is too thin',
    'we moved in 2019, unit price went up',
    '二零零八年那会儿这边还是菜地',
    '坐三零一路到明德路下车',
  ])('finds no building, unit or room in %s', (text) => {
    expect(locate(text)).toEqual({ building: null, unit: null, room: null });
  });

  it.each([
    ['五号楼 二零零八年就住进来了', { building: 5, unit: null, room: null }],
    ['三号楼门口 等了三五分钟', { building: 3, unit: null, room: null }],
    ['九号楼旁边 一零一中学的学生', { building: 9, unit: null, room: null }],
  ])('reads no spoken room in %s', (text, expected) => {
    expect(locate(text)).toEqual(expected);
  });

  it('lists every building a text names, each once', () => {
    expect(namedBuildings('9号楼和10号楼中间那个电箱，9号楼也停电了')).toEqual([9, 10]);
    expect(namedBuildings('三号楼到五号楼')).toEqual([3, 5]);
    expect(namedBuildings('电梯卡在8楼和9楼中间')).toEqual([]);
  });
});

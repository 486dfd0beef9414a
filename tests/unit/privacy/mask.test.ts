import { describe, expect, it } from 'vitest';
import { BANK_CARD_TOKEN, hasPersonalData, ID_TOKEN, maskPersonalData } from '../../../src/privacy/mask.js';

describe('maskPersonalData', () => {
  it.each([
    ['我电话13812345678', '我电话138****5678'],
    ['联系 138 1234 5678 谢谢', '联系 138****5678 谢谢'],
    ['138-1234-5678', '138****5678'],
    ['+86 13912345678', '139****5678'],
    ['+8613912345678', '139****5678'],
    ['0086-15912345678', '159****5678'],
    ['电话：19987654321。', '电话：199****4321。'],
    ['全角１３８１２３４５６７８', '全角138****5678'],
    ['13812345678,15900001111', '138****5678,159****1111'],
  ])('masks the mobile number in %j', (text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it.each([
    ['物业电话010-12345678', '物业电话010-****5678'],
    ['(0571)88881234', '0571-****1234'],
    ['（021）6234 5678', '021-****5678'],
    ['0755 2345678', '0755-****5678'],
    ['010-12345678转123', '010-****5678转123'],
  ])('masks the landline in %j', (text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it.each([
    ['身份证110101199003071234', `身份证${ID_TOKEN}`],
    ['身份证号11010119900307123X。', `身份证号${ID_TOKEN}。`],
    ['id 11010119900307123x', `id ${ID_TOKEN}`],
    ['110101 19900307 123X', ID_TOKEN],
    ['老身份证110101900307123', `老身份证${ID_TOKEN}`],
  ])('replaces the ID number in %j with a token', (text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it.each([
    ['卡号6222021234567890128', `卡号${BANK_CARD_TOKEN}`],
    ['卡号 6222 0212 3456 7890 128', `卡号 ${BANK_CARD_TOKEN}`],
    ['6222-0212-3456-7894', BANK_CARD_TOKEN],
    ['4367421234567896', BANK_CARD_TOKEN],
  ])('replaces the bank card in %j with a token', (text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it.each([
    '3-2-502漏水',
    '3号楼2单元502室',
    '25栋1单元1502',
    '2026-11-30停水',
    '2026年11月30日 09:00-17:00',
    '20261130',
    '时间 13:45:00',
    '水费138.50元，电费1380元',
    '罚款13800元',
    '价格 ¥12,345,678.00',
    '客服400-820-8820',
    '800-810-5888',
    '工单#12345',
    '第12号楼到第30号楼',
    '2026-01-05T09:00:00+08:00',
    '温度-12度',
    '12345678',
    '1234567890',
    '138****5678',
    `${ID_TOKEN}和${BANK_CARD_TOKEN}`,
    '电梯坏了三天了',
  ])('leaves %j unchanged', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('masks every number in a long message and keeps the rest', () => {
    const text =
      '23栋1单元302，2026-11-30报修，电话13812345678，身份证110101199003071234，卡号6222021234567894';

    const masked = maskPersonalData(text);

    expect(masked).toBe(
      `23栋1单元302，2026-11-30报修，电话138****5678，身份证${ID_TOKEN}，卡号${BANK_CARD_TOKEN}`,
    );
  });

  it('is idempotent', () => {
    const once = maskPersonalData('13812345678 010-12345678 110101199003071234 6222021234567894');

    expect(maskPersonalData(once)).toBe(once);
    expect(hasPersonalData(once)).toBe(false);
  });
});

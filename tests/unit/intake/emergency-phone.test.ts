import { describe, expect, it } from 'vitest';
import { emergencyPhone } from '../../../src/intake/emergency-phone.js';

describe('emergencyPhone', () => {
  it.each([
    ['public_security', '有人拿着刀在楼下追人', '110'],
    ['neighbor_dispute', '楼上两口子打起来了，男的在打老婆', '110'],
    ['fire_safety', '电动车充电起火了，楼道全是烟', '119'],
    ['gas', '厨房燃气味很重，好像泄漏了', '119'],
    ['elevator', '电梯突然停了，有人被困在里面', '119'],
    ['health', '楼下有个老人晕倒了，叫不醒', '120'],
    ['elderly_care', '独居的张奶奶摔倒了起不来', '120'],
  ] as const)('%s: %s → %s', (category, text, phone) => {
    expect(emergencyPhone(category, text).phone).toBe(phone);
  });

  it('puts fire before a person down when both are in the message', () => {
    expect(emergencyPhone('fire_safety', '着火了，有人晕倒在楼道里').phone).toBe('119');
  });
});

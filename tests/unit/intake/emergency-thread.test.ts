import { describe, expect, it } from 'vitest';
import { isAboutEmergency } from '../../../src/intake/emergency-thread.js';
import type { Classification } from '../../../src/labels/classification.js';
import { buildTicket } from '../../helpers/ticket-builder.js';
import { classification } from '../classify/llm/fakes.js';

const at = new Date('2026-12-03T07:00:00+08:00');
const minutesLater = (m: number) => new Date(at.getTime() + m * 60_000);
const place = (building: number | null) => ({ building, unit: null, room: null });
const danger = (category: Classification['category'], building: number | null) =>
  classification({ intent: 'emergency', urgency: 'emergency', category, location: place(building) });

describe('whether a message in the group is about its open emergency', () => {
  const ticketAt = (n: number, building: number | null) =>
    buildTicket(n, {
      category: 'fire_safety',
      location: { ...buildTicket(n).location, building, unit: null, room: null },
      createdAt: at,
    });
  const smokeByTheSheds = ticketAt(1, null);
  const fireIn3 = ticketAt(2, 3);

  it('joins a bystander’s danger talk that names no other building, whatever kind it is read as', () => {
    expect(isAboutEmergency(danger('elevator', null), '千万别坐电梯', fireIn3, minutesLater(2))).toBe(true);
    expect(isAboutEmergency(danger('fire_safety', 3), '3号楼全是烟', fireIn3, minutesLater(5))).toBe(true);
    expect(
      isAboutEmergency(classification({ intent: 'chatter' }), '我已经打119了', fireIn3, minutesLater(1)),
    ).toBe(true);
    // the building the emergency lacked, for a danger of the same kind
    expect(
      isAboutEmergency(danger('fire_safety', 7), '7号楼车棚那边烟更大了', smokeByTheSheds, minutesLater(3)),
    ).toBe(true);
  });

  it('joins a line that names the service answering the emergency, and leaves other chatter alone', () => {
    const chatter = classification({ intent: 'chatter' });
    const gasIn16 = buildTicket(3, {
      category: 'gas',
      location: { ...buildTicket(3).location, building: 16, unit: null, room: null },
      createdAt: at,
    });
    expect(
      isAboutEmergency(chatter, '千万别打火，开窗户，我给燃气公司打电话了', gasIn16, minutesLater(1)),
    ).toBe(true);
    expect(isAboutEmergency(chatter, '燃气抢修96777打通了', gasIn16, minutesLater(2))).toBe(true);
    expect(isAboutEmergency(chatter, '今天早饭吃的包子', gasIn16, minutesLater(2))).toBe(false);
  });

  it('reads the same kind of request at another building as its own, at the scene or unplaced as the emergency’s', () => {
    const wireAt18 = buildTicket(5, {
      category: 'power',
      text: '18号楼楼道里电线掉下来了 还在冒火花',
      location: { ...buildTicket(5).location, building: 18, unit: null, room: null },
      createdAt: at,
    });
    const outage = (building: number | null) =>
      classification({ intent: 'grievance', category: 'power', location: place(building) });
    expect(isAboutEmergency(outage(21), '21号楼也停电了', wireAt18, minutesLater(5))).toBe(false);
    expect(isAboutEmergency(outage(18), '18号楼也停电了', wireAt18, minutesLater(5))).toBe(true);
    expect(isAboutEmergency(outage(null), '我家也停电了', wireAt18, minutesLater(5))).toBe(true);
  });

  it('reads a danger at another building, or of another kind at a building, as another emergency', () => {
    expect(isAboutEmergency(danger('fire_safety', 9), '9号楼也着火了', fireIn3, minutesLater(10))).toBe(
      false,
    );
    expect(
      isAboutEmergency(danger('gas', 16), '16号楼楼道好大煤气味', smokeByTheSheds, minutesLater(55)),
    ).toBe(false);
  });

  it('counts every building the report names as the scene', () => {
    const boxBetween9And10 = buildTicket(4, {
      category: 'fire_safety',
      text: '9号楼和10号楼中间那个绿色的电箱在冒烟',
      location: { ...buildTicket(4).location, building: 9, unit: null, room: null },
      createdAt: at,
    });
    const sparks = danger('fire_safety', 10);
    expect(isAboutEmergency(sparks, '10号楼楼上看见了 底下冒火星子', boxBetween9And10, minutesLater(1))).toBe(
      true,
    );
    expect(
      isAboutEmergency(danger('fire_safety', 12), '12号楼也冒烟了', boxBetween9And10, minutesLater(1)),
    ).toBe(false);
  });

  it('lets go of the emergency an hour after it was reported', () => {
    expect(isAboutEmergency(danger('fire_safety', 3), '3号楼又冒烟了', fireIn3, minutesLater(61))).toBe(
      false,
    );
  });
});

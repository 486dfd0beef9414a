import { describe, expect, it } from 'vitest';
import { extractLocation } from '../../../src/classify/local/location.js';
import { resolvePlace } from '../../../src/classify/local/place.js';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { allowedBodies, bodyFor } from '../../../src/routing/body-table.js';

const street = { kind: 'street', hasProperty: true } as const;
const compound = { kind: 'compound', hasProperty: true } as const;
const oldCompound = { kind: 'compound', hasProperty: false } as const;
const sure = (body: string) => new Map([[body, 0.9]]);

describe('the body table', () => {
  it('lets a property company take a department matter inside a compound, never on a public street', () => {
    expect(bodyFor('water_supply', compound, sure('property')).body).toBe('property');
    expect(bodyFor('water_supply', street, sure('property')).body).toBe('water_co');
    expect(bodyFor('road_facility', street, sure('property')).body).toBe('municipal');
    expect(allowedBodies('illegal_construction', street)).not.toContain('property');
    expect(allowedBodies('illegal_construction', compound)).toContain('property');
  });

  it("keeps a compound's own matters with its manager even by the road", () => {
    // a lift or a building's fabric has no street department: the default stays
    expect(bodyFor('elevator', street).body).toBe('property');
    expect(bodyFor('property_service', street, sure('property')).body).toBe('property');
  });

  it('gives an emergency its one emergency service, whatever the suggestion or the place', () => {
    expect(bodyFor('fire_safety', compound, sure('property'), true).body).toBe('fire');
    expect(bodyFor('fire_safety', oldCompound, sure('committee'), true).body).toBe('fire');
    expect(bodyFor('elderly_care', compound, sure('civil_affairs'), true).body).toBe('police');
    expect(bodyFor('pets', compound, sure('committee'), true).body).toBe('police');
    // not an emergency: the place and the suggestion decide as before
    expect(bodyFor('fire_safety', compound, sure('property')).body).toBe('property');
    expect(bodyFor('elderly_care', compound, sure('civil_affairs')).body).toBe('civil_affairs');
  });

  it('leaves emergencies of categories without one service to the place and the suggestion', () => {
    expect(bodyFor('elevator', compound, sure('property'), true).body).toBe('property');
    expect(bodyFor('elevator', oldCompound, undefined, true).body).toBe('housing');
    expect(bodyFor('gas', compound, undefined, true).body).toBe('gas_co');
  });
});

describe('the place of a matter told by a landmark', () => {
  const directory = loadDirectory();
  const place = (text: string) => resolvePlace(text, extractLocation(text), directory).kind;

  it.each([
    '河边步道那排栏杆松了',
    '沿河那条路晚上黑得很',
    '出了小区往东走那个井盖没了',
    '一区北门出去那段地砖全翘了',
    '菜市场后面那个公厕门口全是水',
    '路口那个红绿灯坏了',
    '幼儿园围墙外那根树枝快断了',
  ])('reads %s as a public place', (text) => {
    expect(place(text)).toBe('street');
  });

  it.each([
    '3号楼楼道灯坏了',
    '锦苑地库B2的灯全灭了',
    '一区篮球场的篮板掉了',
    '二区15号楼下水道堵了',
    '小区外卖员把电动车推进楼道充电',
    '小区外来车辆乱停在消防通道上',
  ])('reads %s as inside a compound', (text) => {
    expect(place(text)).toBe('compound');
  });
});

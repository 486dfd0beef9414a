import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION_CHARS, parseNewRequest } from '../../../../src/web/open311/new-request.js';

const errorOf = (fields: Record<string, string>) => {
  const r = parseNewRequest(fields);
  return r.success ? null : r.error;
};

describe('parseNewRequest', () => {
  it('takes the category, the cleaned description and the place, and keeps nothing personal', () => {
    const parsed = parseNewRequest({
      service_code: 'road_facility',
      description: '  明德路井盖\u0000丢了\u202e  ',
      address_string: '明德路18号',
      lat: '39.91',
      long: '116.40',
      first_name: '王',
      phone: '13812345678',
      email: 'a@b.cn',
    });

    expect(parsed).toEqual({
      success: true,
      data: {
        code: 'road_facility',
        description: '明德路井盖丢了',
        address: '明德路18号',
        coordinates: { lat: 39.91, long: 116.4 },
      },
    });
  });

  it('accepts coordinates without an address, and an address without coordinates', () => {
    expect(
      parseNewRequest({ service_code: 'other', description: 'x', lat: '0', long: '-1.5' }),
    ).toMatchObject({
      data: { address: null, coordinates: { lat: 0, long: -1.5 } },
    });
    expect(
      parseNewRequest({ service_code: 'other', description: 'x', address_string: '锦苑' }),
    ).toMatchObject({
      data: { address: '锦苑', coordinates: null },
    });
  });

  it('refuses a missing or unknown service_code, and none (not a request)', () => {
    expect(errorOf({ description: 'x', address_string: 'y' })).toContain('请填写 service_code');
    expect(errorOf({ service_code: 'lift', description: 'x', address_string: 'y' })).toContain('lift');
    expect(errorOf({ service_code: 'none', description: 'x', address_string: 'y' })).toContain('none');
  });

  it('refuses an empty or over-long description', () => {
    const base = { service_code: 'other', address_string: 'y' };

    expect(errorOf({ ...base, description: ' \u0001 ' })).toContain('description');
    expect(errorOf({ ...base, description: '字'.repeat(MAX_DESCRIPTION_CHARS + 1) })).toContain(
      `${MAX_DESCRIPTION_CHARS}`,
    );
    expect(errorOf({ ...base, description: '字'.repeat(MAX_DESCRIPTION_CHARS) })).toBeNull();
  });

  it('needs a place, and real coordinates', () => {
    const base = { service_code: 'other', description: 'x' };

    expect(errorOf(base)).toContain('address_string');
    expect(errorOf({ ...base, lat: '39.9' })).toContain('lat');
    expect(errorOf({ ...base, lat: '91', long: '116' })).toContain('lat');
    expect(errorOf({ ...base, lat: 'north', long: '116', address_string: 'y' })).toContain('lat');
    expect(errorOf({ ...base, address_string: '路'.repeat(201) })).toContain('address_string');
  });
});

import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../src/directory/load-directory.js';
import { CATEGORIES } from '../../../../src/labels/labels.js';
import { maskPersonalData } from '../../../../src/privacy/mask.js';
import {
  open311StatusOf,
  type RequestView,
  statusNotes,
  toServiceRequest,
} from '../../../../src/web/open311/service-request.js';
import { SERVICE_CODES, serviceList } from '../../../../src/web/open311/services.js';
import {
  fieldProblems,
  REQUEST_FIELDS,
  REQUEST_REQUIRED,
  SERVICE_FIELDS,
} from '../../../helpers/georeport.js';
import { buildTicket } from '../../../helpers/ticket-builder.js';

const directory = loadDirectory();
const view: RequestView = {
  agencyName: (body, compound) => directory.bodyDisplayName(body, compound),
  mask: (text) => maskPersonalData(text),
};
const created = new Date('2026-12-01T01:00:00Z');

describe('serviceList', () => {
  it('offers every category but none, named in Chinese, grouped, with GeoReport fields only', () => {
    const services = serviceList();

    expect(services.map((s) => s.service_code)).toEqual(CATEGORIES.filter((c) => c !== 'none'));
    expect(SERVICE_CODES).not.toContain('none');
    expect(services.find((s) => s.service_code === 'elevator')).toMatchObject({
      service_name: '电梯',
      group: '房屋与物业',
      metadata: false,
      type: 'realtime',
    });
    expect(services.find((s) => s.service_code === 'road_facility')?.keywords).toBe(
      '道路,路灯,井盖,市政设施',
    );
    for (const s of services) {
      expect(fieldProblems(s, SERVICE_FIELDS, SERVICE_FIELDS)).toEqual([]);
      expect(s.service_name).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('toServiceRequest', () => {
  it('maps a ticket to the GeoReport fields: number, status, category, body, times and public place', () => {
    const t = buildTicket(12, {
      status: 'accepted',
      createdAt: created,
      resolveBy: new Date('2026-12-08T09:00:00Z'),
      location: { compound: '幸福里一区', building: 3, unit: 2, room: 502, landmark: null },
      text: '3号楼2单元电梯坏了，我是王阿姨，电话13812345678',
    });

    const r = toServiceRequest(t, new Date('2026-12-01T02:30:00Z'), view);

    expect(r).toEqual({
      service_request_id: 12,
      status: 'open',
      status_notes: '办理中',
      service_name: '电梯',
      service_code: 'elevator',
      description: '3号楼2单元电梯坏了，我是王阿姨，电话138****5678',
      agency_responsible: '安居物业',
      requested_datetime: '2026-12-01T09:00:00+08:00',
      updated_datetime: '2026-12-01T10:30:00+08:00',
      expected_datetime: '2026-12-08T17:00:00+08:00',
      // the reporter's home (room 502) is not public
      address: '幸福里一区3号楼2单元',
    });
    expect(fieldProblems(r, REQUEST_FIELDS, REQUEST_REQUIRED)).toEqual([]);
  });

  it('never carries the reporter, the chat ids or the group', () => {
    const t = buildTicket(3, {
      reporter: '王阿姨',
      reporterId: 'wxid-wang',
      roomId: 'room-1',
      text: '电梯坏了',
    });

    const json = JSON.stringify(toServiceRequest(t, t.createdAt, view));

    for (const secret of ['王阿姨', 'wxid-wang', 'room-1', '幸福里一区业主群', '李明']) {
      expect(json).not.toContain(secret);
    }
  });

  it('leaves out what the ticket does not know: no place, no due date, no body', () => {
    const t = buildTicket(4, {
      body: 'none',
      resolveBy: null,
      location: { compound: null, building: null, unit: null, room: null, landmark: null },
    });

    const sent = Object.keys(JSON.parse(JSON.stringify(toServiceRequest(t, t.createdAt, view))));

    expect(sent).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'requested_datetime',
      'updated_datetime',
    ]);
  });

  it('gives a landmark as the address, and a body by its directory name', () => {
    const t = buildTicket(5, {
      category: 'road_facility',
      body: 'municipal',
      location: { compound: null, building: null, unit: null, room: null, landmark: '明德路18号' },
    });

    const r = toServiceRequest(t, t.createdAt, view);

    expect(r.address).toBe('明德路18号');
    expect(r.agency_responsible).toBe('区市政设施管理处');
    expect(r.service_name).toBe('道路设施');
  });

  it('files a ticket without a category under other, and never dates an update before the report', () => {
    const t = buildTicket(6, { category: 'none', createdAt: created });

    const r = toServiceRequest(t, new Date(0), view);

    expect(r.service_code).toBe('other');
    expect(r.updated_datetime).toBe(r.requested_datetime);
  });
});

describe('status and status_notes', () => {
  it('is open until nothing more will be done, with the detailed status in Chinese', () => {
    const cases = [
      [{ status: 'open' }, 'open', '待接单'],
      [{ status: 'open', overdue: true }, 'open', '待接单（已超期）'],
      [{ status: 'accepted' }, 'open', '办理中'],
      [{ status: 'resolved' }, 'open', '已办结，待居民确认'],
      [{ status: 'returned' }, 'open', '已退回'],
      [{ status: 'closed', confirmation: 'satisfied' }, 'closed', '已关闭，居民确认满意'],
      [{ status: 'closed', confirmation: 'timeout', overdue: true }, 'closed', '已关闭，居民未在期限内确认'],
      [{ status: 'merged', mergedInto: 3 }, 'closed', '已合并至 #3'],
      [{ status: 'cancelled' }, 'closed', '已撤回'],
    ] as const;

    for (const [fields, status, notes] of cases) {
      const t = buildTicket(9, fields);
      expect([open311StatusOf(t.status), statusNotes(t)]).toEqual([status, notes]);
    }
  });
});

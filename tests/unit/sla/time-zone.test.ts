import { afterAll, describe, expect, it, vi } from 'vitest';
import type { DeadlineSettings } from '../../../src/sla/deadlines.js';
import { at, toChinaIso } from './china-time.js';

const SETTINGS: DeadlineSettings = {
  emergency: { respond: '15m', resolve: '24h' },
  urgent: { respond: '2h', resolve: '24h' },
  normal: { respond: '24h', resolve: '7d' },
  by_category: {},
  whistle_report: '30m',
  confirmation_wait: '48h',
  quiet_hours: '22:00-07:30',
};

// Node re-reads process.env.TZ when it is assigned; our modules are imported afresh under each zone so
// import-time work is checked too. (chinese-days' own functions, which we avoid, build their tables at
// import with local date getters and put every holiday a day early on a machine in America.)
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) {
    delete process.env.TZ;
  } else {
    process.env.TZ = originalTz;
  }
});

describe.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
  'on a machine in %s',
  (timeZone) => {
    it('judges working days and deadlines in China time', async () => {
      process.env.TZ = timeZone;
      vi.resetModules();
      const { computeDeadlines } = await import('../../../src/sla/deadlines.js');
      const { chineseWorkingCalendar } = await import('../../../src/sla/working-calendar.js');

      const { respondBy, resolveBy } = computeDeadlines(
        { createdAt: at('2026-09-30T23:30:00+08:00'), urgency: 'normal', category: 'noise' },
        SETTINGS,
        chineseWorkingCalendar,
      );

      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(timeZone);
      expect(chineseWorkingCalendar.isWorkingDay(at('2026-10-01T00:00:00+08:00'))).toBe(false);
      expect(chineseWorkingCalendar.isWorkingDay(at('2026-10-10T23:59:59+08:00'))).toBe(true);
      expect(toChinaIso(respondBy)).toBe('2026-10-08T23:30:00+08:00');
      expect(respondBy.toISOString()).toBe('2026-10-08T15:30:00.000Z');
      expect(toChinaIso(resolveBy)).toBe('2026-10-15T23:30:00+08:00');
    });
  },
);

import { loadDirectory } from '../../../../src/directory/load-directory.js';
import type { TimerContext } from '../../../../src/sla/timers/timer-settings.js';
import { chineseWorkingCalendar } from '../../../../src/sla/working-calendar.js';
import { startTicket } from '../../../../src/store/ticket-state.js';
import type { Ticket, TicketEvent } from '../../../../src/tickets/ticket.js';

export const ctx: TimerContext = { directory: loadDirectory(), calendar: chineseWorkingCalendar };

/** An instant in China time: `t('2026-12-01 09:00')`. */
export const t = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`);

/** An open urgent elevator ticket of 第一网格 created 2026-11-30 09:00 (respond 11:00, resolve 12-01 09:00). */
export function ticket(fields: Partial<Ticket> = {}): Ticket {
  return {
    ...startTicket(
      {
        intent: 'grievance',
        category: 'elevator',
        body: 'property',
        tiaoKuai: 'block',
        urgency: 'urgent',
        location: { compound: '幸福里一区', building: 3, unit: 2, room: null, landmark: null },
        grid: '第一网格',
        partyBranch: '第一网格党支部',
        assignees: ['李明', '魏经理'],
        reporter: '王阿姨',
        reporterId: 'wxid-wang',
        room: '幸福里一区业主群',
        roomId: 'room-1',
        text: '3号楼电梯又坏了，电话13812345678',
        createdAt: t('2026-11-30 09:00'),
        respondBy: t('2026-11-30 11:00'),
        resolveBy: t('2026-12-01 09:00'),
        classifiedBy: 'local',
        confidence: 0.9,
      },
      7,
    ),
    ...fields,
  };
}

/** Events numbered 1, 2, 3… in the order given. */
export function events(
  ...list: Array<Pick<TicketEvent, 'type' | 'at'> & { detail?: string }>
): TicketEvent[] {
  return list.map((e, i) => ({
    ticketNumber: 7,
    seq: i + 1,
    at: e.at,
    actor: 'x',
    type: e.type,
    detail: e.detail ?? '',
    prevHash: '',
    hash: '',
  }));
}

export const created = events({ type: 'created', at: t('2026-11-30 09:00') });

import { describe, expect, it } from 'vitest';
import { stepText } from '../../../src/commands/replies.js';
import { EVENT_TYPES } from '../../../src/tickets/event-types.js';
import { excerpt } from '../../../src/tickets/ticket-text.js';

const at = new Date('2026-12-07T14:05:00+08:00');

describe('a ticket’s history in words', () => {
  it('names every event type in Chinese, with the time of day', () => {
    for (const type of EVENT_TYPES) {
      const text = stepText({ at, actor: null, type, detail: '' }, true);
      expect(text).toMatch(/^12月7日 14:05 \p{Script=Han}/u);
      expect(text).not.toMatch(/[a-z]{3,}/);
    }
  });

  it('shows what people wrote, never the bot’s own marks (no ISO times, no internal names)', () => {
    expect(stepText({ at, actor: '李明', type: 'progress', detail: '已联系维修' }, true)).toBe(
      '12月7日 14:05 李明 更新进展：已联系维修',
    );
    const extended = stepText(
      {
        at,
        actor: '社区哨子',
        type: 'deadline_extended',
        detail: 'resolve_by 2026-12-16T00:00:00+08:00 → 2026-12-18T00:00:00+08:00',
      },
      true,
    );
    expect(extended).not.toContain('2026-');
    expect(extended).not.toContain('resolve_by');
    expect(stepText({ at, actor: '王阿姨', type: 'rated', detail: '4' }, true)).toContain('（4 分）');
  });
});

describe('excerpts for staff notices', () => {
  it('keeps a short text whole and cuts a long one with the way to the whole', () => {
    expect(excerpt('3号楼电梯又坏了', 1)).toBe('3号楼电梯又坏了');
    const long = '楼'.repeat(5000);
    const cut = excerpt(long, 7);
    expect([...cut].length).toBeLessThan(130);
    expect(cut.endsWith('…（全文发「查询 7」）')).toBe(true);
  });
});

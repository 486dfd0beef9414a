import { describe, expect, it } from 'vitest';
import { conceptCues } from '../../../../src/classify/local/cues.js';

describe('conceptCues', () => {
  it('hears the emergency numbers as numbers of their own, not inside a room or another number', () => {
    expect(conceptCues('快打120')).toContain('c:call-emergency');
    expect(conceptCues('已经报110了')).toContain('c:call-emergency');
    expect(conceptCues('119打了')).toContain('c:call-emergency');
    expect(conceptCues('锦苑26栋1单元1102')).not.toContain('c:call-emergency');
    expect(conceptCues('我家1201漏水')).not.toContain('c:call-emergency');
    expect(conceptCues('物业费涨到2119了')).not.toContain('c:call-emergency');
  });
});

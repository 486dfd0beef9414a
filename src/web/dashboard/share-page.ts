import type { Hono } from 'hono';
import { html } from 'hono/html';
import { weeklySummaryText } from '../../stats/digest-text.js';
import { loadRatesInput } from '../../stats/load-rates-input.js';
import { periodRange } from '../../stats/period.js';
import { computeRates } from '../../stats/rates.js';
import type { DashboardState } from './deps.js';
import { page } from './layout.js';
import { isShareToken, shareToken } from './session-cookie.js';

/** The public link to a compound's weekly summary (counts only: no names, no tickets). */
export const sharePath = (state: Pick<DashboardState, 'secret'>, compound: string): string =>
  `/share/${encodeURIComponent(compound)}/${shareToken(state.secret, compound)}`;

/** A read-only page anyone with the link may open: this week's counts for one compound. */
export function mountSharePage(app: Hono, state: DashboardState): void {
  app.get('/share/:compound/:token', async (c) => {
    const compound = c.req.param('compound');
    if (
      !state.directory.compoundByName(compound) ||
      !isShareToken(state.secret, compound, c.req.param('token'))
    ) {
      return c.html(page('链接无效', html`<p>这个链接无效或已停用。</p>`), 404);
    }
    const now = state.now();
    const range = periodRange('week', now);
    const input = await loadRatesInput(state, {
      ...range,
      now,
      scope: (t) => t.location.compound === compound,
    });
    const text = weeklySummaryText(computeRates(input), range, compound);
    return c.html(
      page(
        `${compound} 本周小结`,
        html`<div class="card"><pre id="summary" style="white-space:pre-wrap;margin:0;font:inherit">${text}</pre></div>`,
      ),
    );
  });
}

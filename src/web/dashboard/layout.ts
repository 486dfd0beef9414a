import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f5f6f8}
header{background:#b71c1c;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header a{color:#fff;text-decoration:none}header .who{margin-left:auto;font-size:.9em}
main{padding:1rem;max-width:72rem;margin:0 auto}h1{font-size:1.3rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.2rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #e3e3e3;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#fafafa;font-weight:600;white-space:nowrap}.num{text-align:right;white-space:nowrap}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:1rem;align-items:end}form.filters label{display:flex;flex-direction:column;font-size:.85em}
input,select,button{font:inherit;padding:.3rem .4rem}button{background:#b71c1c;color:#fff;border:0;border-radius:4px;padding:.35rem .9rem}
.card{background:#fff;border-radius:6px;padding:1rem;margin-bottom:1rem;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.late{color:#b71c1c;font-weight:600}.ok{color:#2e7d32}.muted{color:#777}.chart{height:340px;width:100%}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{color:#666}dd{margin:0}
img.evidence{max-width:100%;max-height:320px;border:1px solid #ddd;border-radius:4px}
@media (max-width:640px){main{padding:.5rem}th,td{padding:.3rem}.wide{display:none}}
`;

/** A dashboard page: the header with the sections a logged-in person may open, and the content. */
export function page(title: string, body: Html, who?: { name: string; supervisor: boolean }): Html {
  const nav = who
    ? html`<a href="/tickets">工单</a><a href="/board">超期与卡点</a><a href="/stats">统计</a>${
        who.supervisor ? html`<a href="/report">月报</a><a href="/ops/queues">队列</a>` : ''
      }<span class="who">${who.name}　<form method="post" action="/logout" style="display:inline"><button>退出</button></form></span>`
    : '';
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · 哨子工作台</title><style>${raw(STYLE)}</style></head>
<body><header><strong>哨子工作台</strong>${nav}</header><main><h1>${title}</h1>${body}</main></body></html>`;
}

/** JSON for a `<script type="application/json">` block: nothing in it can close the script element. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Speaker } from './sandbox-people.js';
import { SANDBOX_SCRIPT } from './sandbox-script.js';

export type SandboxPageView = {
  botName: string;
  /** The community's groups, in the directory's order, with their kind. */
  groups: Array<{ topic: string; kind: 'residents' | 'staff' | 'supervisors' }>;
  speakers: Speaker[];
  defaultSpeaker: string;
  maxChars: number;
  maxPhotoBytes: number;
  /** The Content-Security-Policy nonce of this response's style and script. */
  nonce: string;
};

/** What a person might try first, one tap to put in the message box. */
const EXAMPLES = [
  '3号楼2单元楼道灯坏了好几天了，晚上黑漆漆的',
  '物业电话多少？',
  '社区办公室周末几点上班？',
  '我的工单',
  '帮助',
];

const KIND_LABEL = { residents: '居民群', staff: '工作群', supervisors: '督办群' } as const;

const STYLE = `
*{box-sizing:border-box}html,body{height:100%}
body{margin:0;display:flex;flex-direction:column;height:100dvh;font:15px/1.5 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#ededed}
header{background:#b71c1c;color:#fff;padding:.5rem .8rem}header h1{font-size:1.05rem;margin:0}header p{margin:0;font-size:.8rem;opacity:.9}
header a{color:#fff}
.controls{display:grid;grid-template-columns:1fr 1fr;gap:.4rem .6rem;padding:.5rem .8rem;background:#fff;border-bottom:1px solid #ddd}
.controls label{display:flex;flex-direction:column;font-size:.8rem;color:#555;min-width:0}.controls .wide{grid-column:1/-1}
select,input,textarea,button{font:inherit}select,input,textarea{font-size:16px;padding:.35rem;border:1px solid #ccc;border-radius:4px;min-width:0;background:#fff}
#role{font-size:.8rem;color:#b71c1c}
#log{flex:1;overflow-y:auto;padding:.6rem .8rem;display:flex;flex-direction:column;gap:.55rem}
.msg{max-width:88%;align-self:flex-start}.msg.mine{align-self:flex-end}
.msg .text{background:#fff;border-radius:6px;padding:.4rem .6rem;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.mine .text{background:#95ec69}.msg.bot .text{background:#fff8e1;border:1px solid #ffcc80}.msg.private .text{border:1px dashed #b71c1c}
.meta{font-size:.75rem;color:#777;display:flex;gap:.4rem;flex-wrap:wrap;align-items:baseline}.msg.mine .meta{justify-content:flex-end}
.meta .name{color:#333;font-weight:600}.badge{background:#b71c1c;color:#fff;border-radius:3px;padding:0 .3rem}
.empty{color:#888;text-align:center;margin:auto;padding:1rem}
.examples{display:flex;gap:.4rem;overflow-x:auto;padding:.35rem .8rem;background:#f7f7f7;border-top:1px solid #ddd;font-size:.8rem;align-items:center}
.examples button{white-space:nowrap;font-size:.8rem;padding:.2rem .5rem}.examples span{white-space:nowrap;flex:none}
form{background:#f7f7f7;padding:.3rem .8rem .6rem}textarea{width:100%;resize:vertical;min-height:2.8rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.3rem}
button{background:#fff;border:1px solid #ccc;border-radius:4px;padding:.35rem .7rem;cursor:pointer}
#send{background:#07c160;color:#fff;border-color:#07c160;margin-left:auto;padding:.4rem 1.2rem}#send:disabled{opacity:.6}
#count{font-size:.8rem;color:#777}#count.over{color:#b71c1c;font-weight:600}
#error{color:#b71c1c;margin:.3rem 0 0}#error:empty,#status:empty{display:none}#status{margin:0;padding:.2rem .8rem;background:#fff3cd;font-size:.8rem}
[hidden]{display:none!important}
@media (min-width:48rem){body{max-width:48rem;margin:0 auto;box-shadow:0 0 8px rgba(0,0,0,.12)}}
`;

/** The sandbox page: pick a conversation and a speaker, write, and watch what the bot answers. */
export function sandboxPage(view: SandboxPageView): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { botName, nonce } = view;
  const kinds = (['residents', 'staff', 'supervisors'] as const).filter((k) =>
    view.groups.some((g) => g.kind === k),
  );
  const speakerGroups = [...new Set(view.speakers.map((s) => s.group))];
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>哨子沙盒 · 在浏览器里试用</title><style nonce="${nonce}">${raw(STYLE)}</style></head>
<body data-bot="${botName}">
<header><h1>哨子沙盒</h1><p>模拟的微信群：选一个群和一个身份，说句话，看${botName}怎么回答。这里的消息不会发到真的微信。</p></header>
<section class="controls">
<label class="wide">会话<select id="room">${kinds.map(
    (k) =>
      html`<optgroup label="${KIND_LABEL[k]}">${view.groups
        .filter((g) => g.kind === k)
        .map((g) => html`<option value="${g.topic}">${g.topic}</option>`)}</optgroup>`,
  )}<optgroup label="私聊"><option value="">和${botName}私聊</option></optgroup></select></label>
<label>身份<select id="who">${speakerGroups.map(
    (group) =>
      html`<optgroup label="${group}">${view.speakers
        .filter((s) => s.group === group)
        .map(
          (s) =>
            html`<option value="${s.name}" data-role="${s.role}"${s.name === view.defaultSpeaker ? raw(' selected') : ''}>${s.name}（${s.role}）</option>`,
        )}</optgroup>`,
  )}<option value="">其他居民（自己填名字）</option></select></label>
<label>名字<input id="speaker" value="${view.defaultSpeaker}" autocomplete="off" aria-describedby="role"><span id="role">居民</span></label>
</section>
<p id="status" role="status"></p>
<section id="log" aria-live="polite"></section>
<div class="examples"><span>试试：</span>${EXAMPLES.map((e) => html`<button type="button">${e}</button>`)}</div>
<form id="say">
<textarea id="text" rows="2" data-max="${view.maxChars}" placeholder="说点什么，回车发送（Shift+回车换行）" aria-label="消息"></textarea>
<div class="row"><label><input type="checkbox" id="mention"> @${botName}</label>
<button type="button" id="photo">发照片</button><input type="file" id="photo-file" accept="image/*" data-max="${view.maxPhotoBytes}" hidden>
<button type="button" id="voice">发语音</button><span id="count"></span><button type="submit" id="send">发送</button></div>
<p id="error" role="alert"></p>
</form>
<script nonce="${nonce}">${raw(SANDBOX_SCRIPT)}</script>
</body></html>`;
}

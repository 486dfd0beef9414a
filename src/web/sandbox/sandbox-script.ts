/**
 * The sandbox page's script (plain browser JavaScript, inlined with the page's nonce): sends what the person
 * types, polls the feed, and shows the chosen conversation. Every text goes in with textContent, never as
 * HTML.
 */
export const SANDBOX_SCRIPT = `
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var base = location.pathname.replace(/\\/+$/, '');
  var roomSel = $('room'), who = $('who'), speaker = $('speaker'), roleEl = $('role'), log = $('log');
  var form = $('say'), textEl = $('text'), mention = $('mention'), sendBtn = $('send'), count = $('count');
  var photoBtn = $('photo'), photoFile = $('photo-file'), voiceBtn = $('voice');
  var errorEl = $('error'), statusEl = $('status');
  var maxChars = Number(textEl.dataset.max), maxPhoto = Number(photoFile.dataset.max);
  var keep = 2000, entries = [], last = 0, polling = false, sending = false, timer = 0;
  var roles = {};
  Array.prototype.forEach.call(who.querySelectorAll('option[data-role]'), function (o) {
    roles[o.value] = o.dataset.role;
  });

  function room() { return roomSel.value === '' ? null : roomSel.value; }
  function name() { return speaker.value.trim(); }

  function visible(e) {
    if (room() === null) { return e.room === null && e.peer === name(); }
    return e.room === room() || (e.room === null && e.bot && e.peer === name());
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function bubble(e) {
    var mine = !e.bot && e.from === name();
    var aside = e.room === null && room() !== null;
    var node = el('div', 'msg ' + (e.bot ? 'bot' : mine ? 'mine' : 'other') + (aside ? ' private' : ''));
    node.dataset.seq = String(e.seq);
    var meta = el('div', 'meta');
    meta.append(el('span', 'name', e.from));
    if (e.role) { meta.append(el('span', 'role', e.role)); }
    if (aside) { meta.append(el('span', 'badge', '私聊 · 只有' + e.peer + '看得到')); }
    meta.append(el('time', '', e.at));
    var words = e.mentions.map(function (m) { return '@' + m + ' '; }).join('') + e.text;
    var text = e.kind === 'photo' ? '[照片] ' + e.text : e.kind === 'voice' ? '[语音消息]' : words;
    node.append(meta, el('div', 'text', text));
    return node;
  }

  function render() {
    var shown = entries.filter(visible);
    if (shown.length === 0) {
      var where = room() === null ? '和' + document.body.dataset.bot + '私聊' : room();
      log.replaceChildren(el('p', 'empty', '这里还没有消息。以' + name() + '的身份在' + where + '说句话试试。'));
      return;
    }
    log.replaceChildren.apply(log, shown.map(bubble));
    log.scrollTop = log.scrollHeight;
  }

  function setStatus(text) { statusEl.textContent = text; }

  function poll() {
    if (polling) { return; }
    polling = true;
    clearTimeout(timer);
    var more = false;
    fetch(base + '/api/feed?after=' + last, { cache: 'no-store' })
      .then(function (res) {
        if (!res.ok) { throw new Error(String(res.status)); }
        return res.json();
      })
      .then(function (page) {
        if (page.reset) { entries = []; }
        entries = entries.concat(page.entries);
        if (entries.length > keep) { entries = entries.slice(entries.length - keep); }
        last = page.last;
        more = page.more;
        if (page.reset || page.entries.some(visible)) { render(); }
        setStatus('');
      })
      .catch(function () { setStatus('和哨子的连接断了，正在重试…'); })
      .then(function () {
        polling = false;
        timer = setTimeout(poll, more ? 0 : 800);
      });
  }

  function send(payload) {
    if (sending) { return Promise.resolve(false); }
    sending = true;
    sendBtn.disabled = true;
    errorEl.textContent = '';
    var body = Object.assign({ room: room(), speaker: speaker.value }, payload);
    return fetch(base + '/api/say', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (answer) {
          if (res.status !== 202) {
            errorEl.textContent = answer.error || '发送失败，请再试一次。输入框里的内容还在。';
            return false;
          }
          setTimeout(poll, 150);
          return true;
        });
      })
      .catch(function () {
        errorEl.textContent = '发送失败：连不上哨子，请稍后再试。输入框里的内容还在。';
        return false;
      })
      .then(function (ok) {
        sending = false;
        sendBtn.disabled = false;
        return ok;
      });
  }

  function updateCount() {
    var n = Array.from(textEl.value.trim()).length;
    count.textContent = n + '/' + maxChars;
    count.classList.toggle('over', n > maxChars);
  }

  function speakerChanged() {
    var known = Object.prototype.hasOwnProperty.call(roles, name());
    roleEl.textContent = known ? roles[name()] : '居民';
    who.value = known ? name() : '';
    render();
  }

  function roomChanged() {
    mention.disabled = room() === null;
    render();
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    send({ text: textEl.value, mention: mention.checked && room() !== null }).then(function (ok) {
      if (ok) { textEl.value = ''; updateCount(); }
    });
  });
  textEl.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  textEl.addEventListener('input', updateCount);
  who.addEventListener('change', function () {
    if (who.value !== '') { speaker.value = who.value; } else { speaker.value = ''; speaker.focus(); }
    speakerChanged();
  });
  speaker.addEventListener('input', speakerChanged);
  roomSel.addEventListener('change', roomChanged);
  photoBtn.addEventListener('click', function () { photoFile.click(); });
  photoFile.addEventListener('change', function () {
    var file = photoFile.files && photoFile.files[0];
    photoFile.value = '';
    if (!file) { return; }
    if (file.size > maxPhoto) {
      errorEl.textContent = '照片太大了，最大 ' + Math.round(maxPhoto / 1048576) + ' MB。';
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      send({ photo: { name: file.name, data: String(reader.result).replace(/^data:[^,]*,/, '') } });
    };
    reader.readAsDataURL(file);
  });
  voiceBtn.addEventListener('click', function () { send({ voice: true }); });
  Array.prototype.forEach.call(document.querySelectorAll('.examples button'), function (b) {
    b.addEventListener('click', function () { textEl.value = b.textContent; updateCount(); textEl.focus(); });
  });

  speakerChanged();
  roomChanged();
  updateCount();
  poll();
})();
`;

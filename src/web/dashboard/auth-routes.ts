import type { Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { Person } from '../../directory/directory.js';
import { type DashboardEnv, type DashboardState, isSupervisorPerson, mayLogIn } from './deps.js';
import { page } from './layout.js';
import { openSession, SESSION_COOKIE, SESSION_TTL_MS, sealSession } from './session-cookie.js';

const NAME_MAX = 40;

const loginForm = (note = '') =>
  page(
    '登录',
    html`<div class="card"><p>请输入您在社区名录中的姓名，登录码将通过微信私信发给您。</p>${note ? html`<p class="late">${note}</p>` : ''}
<form method="post" action="/login"><label>姓名 <input name="name" maxlength="${NAME_MAX}" required autofocus></label> <button>获取登录码</button></form></div>`,
  );

const codeForm = (name: string, note = '') =>
  page(
    '输入登录码',
    html`<div class="card"><p>如果您在社区名录中，登录码已通过微信私信发给${name}，10 分钟内有效，只能用一次。</p>${note ? html`<p class="late">${note}</p>` : ''}
<form method="post" action="/login/code"><input type="hidden" name="name" value="${name}"><label>登录码 <input name="code" inputmode="numeric" maxlength="6" required autofocus></label> <button>登录</button></form>
<p><a href="/login">重新获取</a></p></div>`,
  );

const field = (body: Record<string, unknown>, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v.trim().slice(0, NAME_MAX) : '';
};

/** Login by a one-time code sent in a private WeChat message, logout, and the session check. */
export function mountAuth(app: Hono<DashboardEnv>, state: DashboardState): void {
  app.get('/login', (c) => c.html(loginForm()));
  app.post('/login', async (c) => {
    const name = field(await c.req.parseBody(), 'name');
    if (!name) {
      return c.html(loginForm('请填写姓名。'), 400);
    }
    const person = state.directory.person(name);
    // the same answer whether or not the name is in the directory: the page tells nobody who is staff
    if (mayLogIn(person)) {
      const code = state.codes.issue(name);
      if (code !== null) {
        await state.sendPrivate(
          name,
          `您的哨子工作台登录码：${code}，10 分钟内有效，只能用一次。如非本人操作，请忽略。`,
        );
      }
    }
    return c.html(codeForm(name));
  });
  app.post('/login/code', async (c) => {
    const body = await c.req.parseBody();
    const name = field(body, 'name');
    const code = field(body, 'code');
    const result = name && code ? state.codes.check(name, code) : 'none';
    if (result !== 'ok' || !mayLogIn(state.directory.person(name))) {
      const note = result === 'expired' ? '登录码已过期，请重新获取。' : '登录码不对或已用过，请重新获取。';
      return c.html(codeForm(name, note), 401);
    }
    const expiresAt = state.now().getTime() + SESSION_TTL_MS;
    setCookie(c, SESSION_COOKIE, sealSession(state.secret, { name, expiresAt }), {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: state.secureCookies ?? false,
      maxAge: SESSION_TTL_MS / 1000,
    });
    return c.redirect('/tickets', 303);
  });
  app.post('/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
}

/** The person of a valid session, still in a role of the directory; null otherwise. */
function loggedIn(state: DashboardState, cookie: string | undefined): Person | null {
  const session = openSession(state.secret, cookie, state.now().getTime());
  const person = session ? state.directory.person(session.name) : null;
  return person && mayLogIn(person) ? person : null;
}

/** Lets a logged-in person of the directory through (roles read afresh); anyone else goes to the login. */
export function requireLogin(state: DashboardState): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const person = loggedIn(state, getCookie(c, SESSION_COOKIE));
    if (!person) {
      return c.req.method === 'GET' ? c.redirect('/login', 303) : c.text('请先登录。', 401);
    }
    c.set('person', person);
    return next();
  };
}

/** Supervisors only (the monthly report, the queues): anyone else logged in gets 403. */
export function requireSupervisor(state: DashboardState): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const person = loggedIn(state, getCookie(c, SESSION_COOKIE));
    if (!person) {
      return c.req.method === 'GET' ? c.redirect('/login', 303) : c.text('请先登录。', 401);
    }
    if (!isSupervisorPerson(person)) {
      return c.html(page('无权查看', html`<p>这一页只对社区书记、主任和街道开放。</p>`), 403);
    }
    c.set('person', person);
    return next();
  };
}

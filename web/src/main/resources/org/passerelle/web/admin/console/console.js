// Passerelle admin console: plain JavaScript, no libraries. Data is put in the page with
// textContent only. Every change sends the session's CSRF token (see docs/ADMIN.md).
'use strict';

const state = { csrf: null, jid: null, userOffset: 0, pageSize: 25, timer: null };
const $ = (id) => document.getElementById(id);

async function call(method, path, body) {
  const headers = { 'X-CSRF-Token': state.csrf || '' };
  const init = { method, headers, credentials: 'same-origin', referrerPolicy: 'same-origin', cache: 'no-store' };
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  const res = await fetch(path, init);
  const text = await res.text();
  const data = text && (res.headers.get('content-type') || '').startsWith('application/json') ? JSON.parse(text) : null;
  if (res.status === 401 && path !== '/admin/login' && path !== '/admin/session') { showLogin('Your session has ended; log in again.'); }
  if (!res.ok) throw new Error((data && data.message) || (res.status + ' ' + res.statusText));
  return data;
}

function say(text, error) {
  const m = $('message');
  m.textContent = text || '';
  m.className = error ? 'error' : '';
}

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

function button(label, onClick, cls, test) {
  const b = el('button', label, { type: 'button', 'data-test': test || '' });
  if (cls) b.className = cls;
  b.addEventListener('click', () => onClick().catch((e) => say(e.message, true)));
  return b;
}

function row(cells, actions) {
  const tr = el('tr');
  for (const c of cells) tr.appendChild(el('td', c));
  const td = el('td'); td.className = 'actions';
  for (const a of actions || []) td.appendChild(a);
  tr.appendChild(td);
  return tr;
}

function fill(tbody, rows, empty) {
  tbody.replaceChildren(...rows);
  if (!rows.length) { const tr = el('tr'); const td = el('td', empty); td.colSpan = 6; tr.appendChild(td); tbody.appendChild(tr); }
}

// ---- login and navigation ----

function showLogin(text) {
  state.csrf = null;
  clearInterval(state.timer);
  $('nav').hidden = true;
  document.querySelectorAll('.page').forEach((p) => { p.hidden = true; });
  $('login').hidden = false;
  say(text || '', Boolean(text));
}

function showApp(session) {
  state.csrf = session.csrf;
  state.jid = session.jid;
  $('whoami').textContent = session.jid;
  $('login').hidden = true;
  $('nav').hidden = false;
  say('');
  route();
}

function route() {
  if (!state.csrf) return;
  const page = (location.hash || '#dashboard').slice(1);
  const known = ['dashboard', 'users', 'sessions', 'rooms'].includes(page) ? page : 'dashboard';
  document.querySelectorAll('.page').forEach((p) => { p.hidden = p.id !== known; });
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === known));
  clearInterval(state.timer);
  const load = { dashboard: loadDashboard, users: loadUsers, sessions: loadSessions, rooms: loadRooms }[known];
  const run = () => load().catch((e) => say(e.message, true));
  run();
  if (known === 'dashboard') state.timer = setInterval(run, 30000);
}

// ---- dashboard ----

function duration(seconds) {
  const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
  return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + m + 'm';
}

const sum = (o) => Object.values(o || {}).reduce((a, b) => a + b, 0);

function drawBars(svg, values, labelEvery, labelOf) {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 600, H = 160, left = 34, bottom = 18, top = 8;
  const max = Math.max(1, ...values);
  const bw = (W - left - 4) / values.length;
  svg.replaceChildren();
  const add = (name, attrs, text) => {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  add('line', { x1: left, y1: H - bottom, x2: W, y2: H - bottom, class: 'axis' });
  add('text', { x: 2, y: top + 8 }, String(max));
  add('text', { x: 2, y: H - bottom }, '0');
  values.forEach((v, i) => {
    const h = (H - bottom - top) * v / max;
    const bar = add('rect', { x: left + i * bw + 1, y: H - bottom - h, width: Math.max(1, bw - 2), height: h, class: 'bar', 'data-value': v });
    const title = document.createElementNS(NS, 'title'); title.textContent = labelOf(i) + ': ' + v; bar.appendChild(title);
    if (i % labelEvery === 0) add('text', { x: left + i * bw, y: H - 4 }, labelOf(i));
  });
}

async function loadDashboard() {
  const [stats, traffic, failures] = await Promise.all([
    call('GET', '/api/v1/stats'), call('GET', '/api/v1/stats/traffic'), call('GET', '/api/v1/auth-failures')]);
  $('stat-online-users').textContent = stats.onlineUsers;
  $('stat-sessions').textContent = stats.sessions.total;
  $('stat-transports').textContent = Object.entries(stats.sessions.byTransport).map(([t, n]) => t + ' ' + n).join(', ') || 'none';
  $('stat-accounts').textContent = sum(stats.accounts);
  $('stat-stanzas').textContent = sum(stats.stanzas.in) + ' / ' + sum(stats.stanzas.out);
  $('stat-uptime').textContent = duration(stats.uptimeSeconds);
  $('stat-version').textContent = 'version ' + stats.version;
  $('stat-memory').textContent = Math.round(stats.memory.usedBytes / 1048576) + ' MiB';
  drawBars($('chart-minutes'), traffic.messagesPerMinute, 10, (i) => (i - 59) + 'm');
  drawBars($('chart-hours'), traffic.messagesPerHour, 4, (i) => (i - 23) + 'h');
  fill($('auth-failures'), failures.failures.slice(0, 20).map((f) =>
    row([new Date(f.time).toLocaleString(), f.user || '–', f.address, f.mechanism, f.reason])), 'No failures recorded.');
}

// ---- users ----

async function loadUsers() {
  const q = new URLSearchParams({ offset: state.userOffset, limit: state.pageSize });
  const search = $('user-search-text').value.trim();
  if (search) q.set('search', search);
  const data = await call('GET', '/api/v1/users?' + q);
  fill($('user-rows'), data.users.map((u) => row([u.jid, u.admin ? 'yes' : '', u.disabled ? 'disabled' : 'active', u.sessions], [
    button(u.disabled ? 'Enable' : 'Disable', async () => {
      await call('POST', '/api/v1/users/' + encodeURIComponent(u.jid) + (u.disabled ? '/enable' : '/disable'), {});
      say((u.disabled ? 'Enabled ' : 'Disabled ') + u.jid); await loadUsers();
    }, 'plain', 'user-toggle'),
    button('Reset password', async () => {
      const pw = prompt('New password for ' + u.jid);
      if (!pw) return;
      await call('POST', '/api/v1/users/' + encodeURIComponent(u.jid) + '/password', { password: pw });
      say('Password changed for ' + u.jid);
    }, 'plain', 'user-password'),
    button('Delete', async () => {
      if (!confirm('Delete ' + u.jid + ' and everything kept for it?')) return;
      await call('DELETE', '/api/v1/users/' + encodeURIComponent(u.jid));
      say('Deleted ' + u.jid); await loadUsers();
    }, 'danger', 'user-delete')])), 'No accounts.');
  $('user-page').textContent = data.total ? (data.offset + 1) + '–' + (data.offset + data.users.length) + ' of ' + data.total : '';
  $('user-prev').disabled = data.offset === 0;
  $('user-next').disabled = data.offset + data.users.length >= data.total;
}

// ---- sessions and rooms ----

async function loadSessions() {
  const q = new URLSearchParams({ limit: 500 });
  const search = $('session-search-text').value.trim();
  if (search) q.set('search', search);
  if ($('session-transport').value) q.set('transport', $('session-transport').value);
  const data = await call('GET', '/api/v1/sessions?' + q);
  fill($('session-rows'), data.sessions.map((s) => row([s.jid, s.transport, s.address, new Date(s.since).toLocaleString()], [
    button('Kick', async () => {
      await call('DELETE', '/api/v1/users/' + encodeURIComponent(s.account) + '/sessions/' + encodeURIComponent(s.resource));
      say('Disconnected ' + s.jid); setTimeout(() => loadSessions().catch(() => {}), 500);
    }, 'danger', 'session-kick')])), 'Nobody is connected.');
}

async function loadRooms() {
  const data = await call('GET', '/api/v1/rooms');
  fill($('room-rows'), data.rooms.map((r) => row([r.jid, r.name || '', r.occupants, r.persistent ? 'yes' : '', r.publicRoom ? 'yes' : ''], [
    button('Destroy', async () => {
      const reason = prompt('Destroy ' + r.jid + '? Reason told to the occupants:', 'closed by the administrator');
      if (reason === null) return;
      await call('DELETE', '/api/v1/rooms/' + encodeURIComponent(r.jid) + '?reason=' + encodeURIComponent(reason));
      say('Destroyed ' + r.jid); await loadRooms();
    }, 'danger', 'room-destroy')])), 'No rooms.');
}

// ---- wiring ----

function onSubmit(id, handler) {
  $(id).addEventListener('submit', (ev) => { ev.preventDefault(); handler().catch((e) => say(e.message, true)); });
}

document.addEventListener('DOMContentLoaded', () => {
  onSubmit('login-form', async () => {
    const session = await call('POST', '/admin/login', { jid: $('login-jid').value.trim(), password: $('login-password').value });
    $('login-password').value = '';
    showApp(session);
  });
  $('logout').addEventListener('click', () => call('POST', '/admin/logout').catch(() => {}).then(() => showLogin('Logged out.')));
  onSubmit('user-search', async () => { state.userOffset = 0; await loadUsers(); });
  $('user-prev').addEventListener('click', () => { state.userOffset = Math.max(0, state.userOffset - state.pageSize); loadUsers().catch((e) => say(e.message, true)); });
  $('user-next').addEventListener('click', () => { state.userOffset += state.pageSize; loadUsers().catch((e) => say(e.message, true)); });
  onSubmit('user-create', async () => {
    const jid = $('user-create-jid').value.trim();
    await call('POST', '/api/v1/users', { jid, password: $('user-create-password').value, admin: $('user-create-admin').checked });
    $('user-create').reset();
    say('Created ' + jid); await loadUsers();
  });
  onSubmit('session-search', loadSessions);
  onSubmit('announce', async () => {
    const r = await call('POST', '/api/v1/announcements', { message: $('announce-text').value });
    $('announce-text').value = '';
    say('Announcement sent to ' + r.sessions + ' session(s).');
  });
  window.addEventListener('hashchange', route);
  call('GET', '/admin/session').then(showApp, () => showLogin());
});

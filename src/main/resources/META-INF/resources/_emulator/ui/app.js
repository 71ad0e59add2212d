'use strict';
// The emulator's dashboard: plain DOM, no libraries. Admin calls send X-Emulator-Admin-Token when the
// emulator asked for one; tokens live in sessionStorage only (gone with the tab).

const ADMIN_TOKEN = 'wksemu.adminToken';
const API_TOKEN = 'wksemu.apiToken';
const PAGE_SIZE = 100;
const SCAN_SIZE = 1000; // the admin desktops route's largest page
const $ = (id) => document.getElementById(id);

const state = {
  clock: null, projects: [], project: null, offset: 0, count: 0, requests: [], selectedRequest: null,
  view: 'projects', timer: null, sessionsOffset: 0, usersOffset: 0, tokenRefused: false,
};

// ---------- HTTP ----------

class HttpError extends Error {
  constructor(method, url, status, body) {
    const code = body && body.error_code ? body.error_code + ': ' : '';
    const msg = body && body.error_msg ? body.error_msg : 'HTTP ' + status;
    super(method + ' ' + url + ' answered ' + status + ' ' + code + msg);
    this.status = status;
    this.body = body;
  }
}

let tokenWaiters = null;

function askAdminToken(request) {
  if (!tokenWaiters) {
    tokenWaiters = [];
    const dialog = $('token-dialog');
    $('token-input').value = '';
    dialog.returnValue = '';
    dialog.showModal();
  }
  return new Promise((resolve, reject) => tokenWaiters.push({ request, resolve, reject }));
}

// The dialog closes by "Use token" (returnValue ok), by Cancel or by Esc: the calls waiting for it go on with
// the token or fail, and polling waits until an action asks again.
function tokenDialogClosed() {
  const given = $('token-dialog').returnValue === 'ok';
  if (given) sessionStorage.setItem(ADMIN_TOKEN, $('token-input').value);
  state.tokenRefused = !given;
  const waiters = tokenWaiters || [];
  tokenWaiters = null;
  waiters.forEach((w) => (given ? w.resolve()
    : w.reject(new Error(w.request + ' needs the admin token (EMU.0401) and none was given; the next action asks again.'))));
  if (given) notify('Admin token kept for this tab.', false);
}

async function call(method, url, body, options = {}) {
  const headers = { Accept: 'application/json' };
  if (options.api) {
    headers['X-Auth-Token'] = sessionStorage.getItem(API_TOKEN) || 'dashboard';
  } else if (sessionStorage.getItem(ADMIN_TOKEN)) {
    headers['X-Emulator-Admin-Token'] = sessionStorage.getItem(ADMIN_TOKEN);
  }
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload, cache: 'no-store' });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!options.api && response.status === 401 && json && json.error_code === 'EMU.0401') {
    await askAdminToken(method + ' ' + url);
    return call(method, url, body, options);
  }
  if (!response.ok) {
    throw new HttpError(method, url, response.status, json);
  }
  return json;
}

// Errors go to the alert region (announced at once), other notices to the polite status region.
function notify(message, isError) {
  const [shown, other] = isError ? [$('alert'), $('notice')] : [$('notice'), $('alert')];
  other.hidden = true;
  other.textContent = '';
  shown.textContent = message;
  shown.hidden = !message;
}

function guarded(fn) {
  return async (event) => {
    if (event && event.preventDefault) {
      event.preventDefault();
    }
    try {
      await fn(event);
    } catch (e) {
      notify(e.message, true);
    }
  };
}

// ---------- small DOM helpers ----------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function td(text, cls) {
  return el('td', { class: cls, text: text === undefined || text === null ? '' : String(text) });
}

function fillBody(table, rows) {
  const body = table.tBodies[0];
  body.replaceChildren(...rows);
}

function pageText(count, offset, shown) {
  return 'count ' + count + (shown ? ', showing ' + (offset + 1) + '-' + (offset + shown) : '');
}

function setPager(prefix, offset, count) {
  $(prefix + '-prev').disabled = offset === 0;
  $(prefix + '-next').disabled = offset + PAGE_SIZE >= count;
}

// Previous and next of a view paged by PAGE_SIZE; the offset lives in state[key].
function wirePager(prefix, key, load) {
  $(prefix + '-prev').addEventListener('click', guarded(() => { state[key] = Math.max(0, state[key] - PAGE_SIZE); return load(); }));
  $(prefix + '-next').addEventListener('click', guarded(() => { state[key] += PAGE_SIZE; return load(); }));
}

function fillSelect(select, ids, keepFirst) {
  const current = select.value;
  const first = keepFirst ? [select.options[0]] : [];
  select.replaceChildren(...first, ...ids.map((id) => el('option', { value: id, text: id })));
  if ([...select.options].some((o) => o.value === current)) {
    select.value = current;
  }
}

// ---------- clock ----------

async function loadClock() {
  state.clock = await call('GET', '/_emulator/clock');
  showClock();
}

function showClock() {
  const c = state.clock;
  $('clock-now').textContent = c.now;
  $('clock-mode-badge').textContent = c.mode;
  $('clock-now-full').textContent = c.now;
  $('clock-mode').textContent = c.mode;
  $('clock-zone').textContent = c.zone;
  $('clock-next').textContent = c.next_aggregation;
}

async function moveClock(method, url, body) {
  const answer = await call(method, url, body);
  state.clock = answer;
  showClock();
  const days = answer.aggregated_days || [];
  $('clock-aggregated').textContent = days.length ? days.join(', ') : 'none';
  notify('Clock now ' + answer.now + (days.length ? '; aggregated ' + days.join(', ') : ''), false);
  await refreshData();
}

// ---------- projects, desktops, heat map ----------

async function loadProjects() {
  const answer = await call('GET', '/_emulator/projects');
  state.projects = answer.projects;
  const ids = state.projects.map((p) => p.project_id);
  fillBody($('projects-table'), state.projects.map((p) => el('tr', { class: p.project_id === state.project ? 'selected' : null, dataset: { project: p.project_id } },
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: guarded(() => selectProject(p.project_id)) }, p.project_id)),
    td(p.desktops, 'num'), td(p.sessions, 'num'), td(p.open_sessions, 'num'), td(p.points, 'num'))));
  $('projects-empty').hidden = state.projects.length > 0;
  fillSelect($('sessions-project'), ids, false);
  fillSelect($('users-project'), ids, false);
  fillSelect($('export-project'), ids, false);
  fillSelect($('wipe-project'), ids, true);
  if (state.project && !ids.includes(state.project)) {
    state.project = null;
    $('project-detail').hidden = true;
  }
}

// A range from the given number of days before the clock's now to now.
function defaultRange(startId, endId, days) {
  const now = new Date(state.clock.now);
  $(endId).value = state.clock.now;
  $(startId).value = new Date(now.getTime() - days * 86400000).toISOString().replace('.000Z', 'Z');
}

async function selectProject(projectId) {
  state.project = projectId;
  state.offset = 0;
  $('detail-project').textContent = projectId;
  $('project-detail').hidden = false;
  $('sessions-project').value = projectId;
  $('users-project').value = projectId;
  state.sessionsOffset = 0;
  state.usersOffset = 0;
  defaultRange('range-start', 'range-end', 181);
  for (const row of $('projects-table').tBodies[0].rows) {
    row.classList.toggle('selected', row.dataset.project === projectId);
  }
  await loadDetail();
}

async function loadDetail() {
  if (!state.project) return;
  await Promise.all([loadDesktops(), loadHeatmap()]);
}

async function loadDesktops() {
  const p = state.project;
  const query = new URLSearchParams({ start_time: $('range-start').value, end_time: $('range-end').value,
    offset: String(state.offset), limit: String(PAGE_SIZE) });
  const url = '/v2/' + encodeURIComponent(p) + '/statistics/metrics/desktops?' + query;
  $('query-url').textContent = 'GET ' + url;
  const answer = await call('GET', url, undefined, { api: true });
  const created = await createdDays(p, answer.items.map((item) => item.resource_id));
  state.count = answer.count;
  $('desktops-count').textContent = pageText(answer.count, state.offset, answer.items.length);
  fillBody($('desktops-table'), answer.items.map((item) => {
    const metric = Object.fromEntries(item.metric.map((m) => [m.metric_name, m.metric_value]));
    const usage = metric.desktop_usage;
    const idle = metric.desktop_idle_duration / 86400;
    return el('tr', { dataset: { resource: item.resource_id } },
      td(item.resource_name), td(item.resource_id), td(item.resource_pool_id || '—'),
      td(created.get(item.resource_id) || '—'),
      td(String(usage), 'num usage'), td((usage / 3600).toFixed(2), 'num'), td(String(idle), 'num idle'));
  }));
  $('desktops-table').dataset.end = $('range-end').value;
  setPager('desktops', state.offset, answer.count);
}

function desktopsUrl(p, offset, limit) {
  return '/_emulator/projects/' + encodeURIComponent(p) + '/desktops?offset=' + offset + '&limit=' + limit;
}

// The created day of the given desktops of the query's page. The stored desktops come in the query's order
// (resource_name, then resource_id) and include every desktop it lists, so the page's desktops are found from
// the same offset on, mostly in one call; the scan wraps around to the start so that any difference in order
// costs calls, never a value.
async function createdDays(p, ids) {
  const wanted = new Set(ids);
  const created = new Map();
  let offset = state.offset;
  let end = Infinity;
  let wrapped = false;
  while (created.size < wanted.size) {
    if (offset >= end) {
      if (wrapped || state.offset === 0) break;
      [offset, end, wrapped] = [0, state.offset, true];
    }
    const page = await call('GET', desktopsUrl(p, offset, SCAN_SIZE));
    if (!wrapped) end = page.count;
    for (const d of page.desktops) {
      if (wanted.has(d.resource_id)) created.set(d.resource_id, d.created_at.slice(0, 10));
    }
    offset = page.desktops.length ? offset + page.desktops.length : end;
  }
  return created;
}

function level(seconds) {
  if (seconds === 0) return 'l0';
  if (seconds < 3600) return 'l1';
  if (seconds < 4 * 3600) return 'l2';
  if (seconds < 8 * 3600) return 'l3';
  return 'l4';
}

function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function loadHeatmap() {
  const p = state.project;
  // the grid pages with the table, in the table's order
  const grid = await call('GET', '/_emulator/projects/' + encodeURIComponent(p) + '/usage?offset=' + state.offset + '&limit=' + PAGE_SIZE);
  const days = [];
  for (let d = grid.from; d <= grid.to; d = addDays(d, 1)) days.push(d);
  $('heatmap-range').textContent = grid.from + ' to ' + grid.to + '; due through ' + grid.last_due_day
    + (grid.count > grid.desktops.length ? '; desktops ' + (state.offset + 1) + '-' + (state.offset + grid.desktops.length)
      + ' of ' + grid.count + ' by name, as the table' : '');
  const head = el('div', { class: 'hm-row hm-head', 'aria-hidden': 'true' }, el('span', { class: 'hm-label', text: 'desktop \\ day' }));
  for (const d of days) {
    head.append(d.endsWith('-01') ? el('span', { class: 'cell none month', text: d.slice(0, 7) }) : el('span', { class: 'cell none', style: 'outline:none' }));
  }
  const rows = grid.desktops.map((desk) => {
    const row = el('div', { class: 'hm-row', dataset: { resource: desk.resource_id } },
      el('span', { class: 'hm-label', title: desk.resource_id, text: desk.resource_name }));
    desk.usage_seconds.forEach((s, i) => {
      const day = days[i];
      let cls;
      let title;
      if (day > grid.last_due_day) {
        cls = 'due';
        title = 'not yet due';
      } else if (s === null) {
        cls = 'none';
        title = 'before created';
      } else {
        cls = level(s);
        title = (s / 3600).toFixed(2) + ' h';
      }
      row.append(el('span', { class: 'cell ' + cls, title: desk.resource_name + ' ' + day + ': ' + title,
        dataset: { day, seconds: s === null ? '' : String(s) } }));
    });
    return row;
  });
  $('heatmap').replaceChildren(head, ...rows);
  $('heatmap').dataset.to = grid.to;
}

// ---------- sessions ----------

async function loadSessions() {
  const p = $('sessions-project').value;
  if (!p) {
    fillBody($('sessions-table'), []);
    $('sessions-count').textContent = '';
    return;
  }
  const answer = await call('GET', desktopsUrl(p, state.sessionsOffset, PAGE_SIZE));
  $('sessions-count').textContent = pageText(answer.count, state.sessionsOffset, answer.desktops.length);
  setPager('sessions', state.sessionsOffset, answer.count);
  fillBody($('sessions-table'), answer.desktops.map((d) => {
    const open = d.open_session;
    const action = open ? 'logout' : 'login';
    const button = el('button', { type: 'button', dataset: { action, resource: d.resource_id },
      onclick: guarded(async () => {
        const path = '/_emulator/projects/' + encodeURIComponent(p) + '/desktops/' + encodeURIComponent(d.resource_id) + '/' + action;
        const view = await call('POST', path, action === 'login' ? { user_name: $('sessions-user').value || 'emulator-user' } : undefined);
        notify(action === 'login' ? view.user_name + ' logged in to ' + view.resource_id + ' at ' + view.login_at
          : view.user_name + ' logged out of ' + view.resource_id + ' at ' + view.logout_at, false);
        await loadSessions();
      }) }, open ? 'Log out' : 'Log in');
    return el('tr', { dataset: { resource: d.resource_id } }, td(d.resource_id), td(d.resource_name),
      td(open ? open.user_name + ' since ' + open.login_at : '—', 'open'), el('td', {}, button));
  }));
}

// ---------- users ----------

async function loadUsers() {
  const p = $('users-project').value;
  if (!p) {
    fillBody($('users-table'), []);
    return;
  }
  if (!$('users-end').value) defaultRange('users-start', 'users-end', 31);
  const query = new URLSearchParams({ start_time: $('users-start').value, end_time: $('users-end').value });
  for (const [key, id] of [['username', 'users-name'], ['usage_min_hours', 'users-min'], ['usage_max_hours', 'users-max']]) {
    if ($(id).value !== '') query.set(key, $(id).value);
  }
  if ($('users-sort').value) {
    query.set('sort_field', 'user_usage');
    query.set('sort_type', $('users-sort').value);
  }
  query.set('offset', String(state.usersOffset));
  query.set('limit', String(PAGE_SIZE));
  const url = '/v2/' + encodeURIComponent(p) + '/statistics/metrics/users?' + query;
  $('users-url').textContent = 'GET ' + url;
  const answer = await call('GET', url, undefined, { api: true });
  $('users-count').textContent = pageText(answer.count, state.usersOffset, answer.items.length);
  fillBody($('users-table'), answer.items.map((item) => {
    const metric = Object.fromEntries(item.metric.map((m) => [m.metric_name, m.metric_value]));
    return el('tr', { dataset: { user: item.username } }, td(item.username), td(String(metric.user_usage), 'num'),
      td((metric.user_usage / 3600).toFixed(2), 'num'), td(String(metric.user_login_count), 'num'),
      td(String(metric.user_login_success_count), 'num'), td(String(metric.user_login_fail_count), 'num'));
  }));
  $('users-table').dataset.request = 'GET ' + url;
  setPager('users', state.usersOffset, answer.count);
}

async function recordFailedLogin() {
  const p = $('users-project').value;
  if (!p) throw new Error('No project to record a failed login in.');
  const path = '/_emulator/projects/' + encodeURIComponent(p) + '/desktops/' + encodeURIComponent($('fail-desktop').value.trim()) + '/login';
  const view = await call('POST', path, { user_name: $('fail-user').value, failed: true });
  $('fail-result').textContent = 'Failed login of ' + view.user_name + ' on ' + view.resource_id + ' recorded at ' + view.at
    + '; the users endpoint counts it once its day is aggregated.';
  notify($('fail-result').textContent, false);
  await loadUsers();
}

// ---------- requests ----------

async function loadRequests() {
  const answer = await call('GET', '/_emulator/requests');
  // re-rendered only when the journal changed, so a row does not move under the pointer
  const signature = answer.requests.map((r) => r.request_id + r.time).join(',');
  if (signature === state.requestsSignature) return;
  state.requestsSignature = signature;
  state.requests = answer.requests;
  fillBody($('requests-table'), state.requests.map((r, i) => el('tr', { class: r.request_id === state.selectedRequest ? 'selected' : null, dataset: { status: String(r.status) } },
    td(r.time), td(r.method),
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => showRequest(i) }, r.path)),
    td(r.status, 'num s' + String(r.status)[0]), td(r.request_id))));
}

function showRequest(index) {
  const r = state.requests[index];
  state.selectedRequest = r.request_id;
  const facts = [['Time', r.time], ['Method', r.method], ['Path', r.path], ['Status', r.status],
    ['Request id', r.request_id], ['Project', r.project_id || '—']];
  $('request-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]));
  const params = r.query ? [...new URLSearchParams(r.query)] : [];
  fillBody($('request-query'), params.length ? params.map(([k, v]) => el('tr', {}, td(k), td(v)))
    : [el('tr', {}, el('td', { colspan: '2', text: 'no query' }))]);
  $('request-detail').hidden = false;
  for (const row of $('requests-table').tBodies[0].rows) {
    row.classList.toggle('selected', row === $('requests-table').tBodies[0].rows[index]);
  }
}

// ---------- faults ----------

async function loadFaults() {
  const answer = await call('GET', '/_emulator/faults');
  fillBody($('faults-table'), answer.faults.length ? answer.faults.map((f) => el('tr', {},
    td(f.status, 'num'), td(f.error_code), td(f.error_msg), td(f.delay_ms, 'num'), td(f.remaining, 'num'), td(f.project_id || 'any')))
    : [el('tr', {}, el('td', { colspan: '6', text: 'no pending fault' }))]);
}

async function addFault() {
  const fault = {};
  const number = (id) => $(id).value === '' ? null : Number($(id).value);
  const text = (id) => $(id).value.trim() || null;
  if (number('fault-status') !== null) fault.status = number('fault-status');
  if (number('fault-delay')) fault.delay_ms = number('fault-delay');
  fault.count = number('fault-count') || 1;
  for (const [key, id] of [['error_code', 'fault-code'], ['error_msg', 'fault-msg'], ['project_id', 'fault-project']]) {
    if (text(id)) fault[key] = text(id);
  }
  await call('POST', '/_emulator/faults', fault);
  notify('Fault added: the next ' + fault.count + ' matching response(s) of the emulated API', false);
  await loadFaults();
}

// ---------- state ----------

async function loadFixture() {
  const file = $('load-file').files[0];
  if (!file) throw new Error('Choose a fixture file first.');
  const text = await file.text();
  const result = await call('POST', '/_emulator/fixtures' + ($('load-reset').checked ? '?reset=true' : ''), text);
  $('load-result').textContent = 'Loaded ' + result.projects + ' project(s), ' + result.desktops + ' desktop(s), '
    + result.sessions + ' session(s), ' + result.daily_usage + ' day point(s).';
  notify($('load-result').textContent, false);
  await refreshData();
}

async function exportProject() {
  const p = $('export-project').value;
  if (!p) throw new Error('No project to export.');
  const doc = await call('GET', '/_emulator/fixtures?project_id=' + encodeURIComponent(p));
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  const link = el('a', { href: url, download: p + '.json' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function wipe() {
  const p = $('wipe-project').value;
  const query = new URLSearchParams();
  if (p) query.set('project_id', p);
  if ($('wipe-reseed').checked) query.set('reseed', 'true');
  const answer = await call('DELETE', '/_emulator/state' + (query.toString() ? '?' + query : ''));
  $('wipe-confirm').checked = false;
  const reseeded = answer.reseeded ? '; reseeded ' + answer.reseeded.projects + ' project(s)' : '';
  $('wipe-result').textContent = 'Wiped ' + answer.wiped + reseeded + '.';
  notify($('wipe-result').textContent, false);
  await refreshData();
}

// ---------- views ----------

async function refreshData() {
  await loadClock();
  await loadProjects();
  if (state.view === 'projects') await loadDetail();
  if (state.view === 'sessions') await loadSessions();
  if (state.view === 'users') await loadUsers();
  if (state.view === 'faults') await loadFaults();
  if (state.view === 'requests') await loadRequests();
}

function showView() {
  const wanted = (location.hash || '#projects').slice(1);
  state.view = document.querySelector('section[data-view="' + wanted + '"]') ? wanted : 'projects';
  for (const section of document.querySelectorAll('main section')) {
    section.hidden = section.dataset.view !== state.view;
  }
  for (const link of document.querySelectorAll('header nav a')) {
    if (link.dataset.view === state.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = 'Workspace usage emulator: ' + state.view;
  guarded(refreshData)();
}

// Polling stops while the tab is hidden, and after the admin token dialog was cancelled (until an action
// asks for the token again), so that it does not reopen the dialog every 2 s.
function poll() {
  clearInterval(state.timer);
  state.timer = document.hidden ? null : setInterval(tick, 2000);
}

function tick() {
  if (state.tokenRefused) return;
  const work = [loadClock()];
  if (state.view === 'requests' && $('requests-auto').checked) work.push(loadRequests());
  // a failure met at every tick is announced once
  Promise.all(work).catch((e) => {
    if ($('alert').hidden || $('alert').textContent !== e.message) notify(e.message, true);
  });
}

function wire() {
  $('token-dialog').addEventListener('close', tokenDialogClosed);
  $('clock-freeze').addEventListener('click', guarded(() => moveClock('PUT', '/_emulator/clock', { now: state.clock.now, frozen: true })));
  $('clock-run').addEventListener('click', guarded(() => moveClock('PUT', '/_emulator/clock', { now: state.clock.now, frozen: false })));
  $('clock-plus-hour').addEventListener('click', guarded(() => moveClock('POST', '/_emulator/clock/advance', { by: 'PT1H' })));
  $('clock-plus-day').addEventListener('click', guarded(() => moveClock('POST', '/_emulator/clock/advance', { by: 'P1D' })));
  $('clock-system').addEventListener('click', guarded(() => moveClock('DELETE', '/_emulator/clock')));
  $('clock-advance-form').addEventListener('submit', guarded(() => moveClock('POST', '/_emulator/clock/advance', { by: $('clock-by').value.trim() })));
  $('clock-set-form').addEventListener('submit', guarded(() => moveClock('PUT', '/_emulator/clock', { now: $('clock-at').value.trim(), frozen: $('clock-frozen').checked })));
  $('range-form').addEventListener('submit', guarded(() => { state.offset = 0; return loadDesktops(); }));
  wirePager('desktops', 'offset', loadDetail);
  $('sessions-project').addEventListener('change', guarded(() => { state.sessionsOffset = 0; return loadSessions(); }));
  wirePager('sessions', 'sessionsOffset', loadSessions);
  $('users-project').addEventListener('change', guarded(() => { state.usersOffset = 0; defaultRange('users-start', 'users-end', 31); return loadUsers(); }));
  $('users-form').addEventListener('submit', guarded(() => { state.usersOffset = 0; return loadUsers(); }));
  wirePager('users', 'usersOffset', loadUsers);
  $('fail-form').addEventListener('submit', guarded(recordFailedLogin));
  $('requests-refresh').addEventListener('click', guarded(loadRequests));
  $('requests-clear').addEventListener('click', guarded(async () => { await call('DELETE', '/_emulator/requests'); $('request-detail').hidden = true; await loadRequests(); }));
  $('fault-form').addEventListener('submit', guarded(addFault));
  $('faults-clear').addEventListener('click', guarded(async () => { await call('DELETE', '/_emulator/faults'); await loadFaults(); }));
  $('load-form').addEventListener('submit', guarded(loadFixture));
  $('export-form').addEventListener('submit', guarded(exportProject));
  $('wipe-form').addEventListener('submit', guarded(wipe));
  $('api-token').value = sessionStorage.getItem(API_TOKEN) || 'dashboard';
  $('tokens-form').addEventListener('submit', (e) => { e.preventDefault(); sessionStorage.setItem(API_TOKEN, $('api-token').value); notify('API token saved for this session.', false); });
  $('admin-token-forget').addEventListener('click', () => { sessionStorage.removeItem(ADMIN_TOKEN); notify('Admin token forgotten.', false); });
  window.addEventListener('hashchange', showView);
  document.addEventListener('visibilitychange', () => {
    poll();
    if (!document.hidden) tick();
  });
  showView();
  poll();
}

wire();

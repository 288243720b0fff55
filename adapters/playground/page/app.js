// The playground page: a small chat client. The server renders every Lederrum message and
// form to HTML (adapters/playground/render.ts); this file only fetches, shows and posts back.
// Its own words are words.js, the live feed connection.js, the phone layout layout.js.
import { keepConnected, reload } from './connection.js';
import { setUpSidebar } from './layout.js';
import { applyWords, errorText, language, setLanguage, t } from './words.js';

const token = document.querySelector('meta[name="playground-token"]').content;
const $ = (selector) => document.querySelector(selector);
const sidebar = setUpSidebar();
applyWords();

// The page knows who is looking: a group's facilitator shortcuts are shown to its facilitators only.
const SHORTCUTS = {
  da: {
    facilitator: ['tjekind start', 'tjekind status', 'tjekind afrunding', 'tjekind afslut', 'deltagelse', 'gruppe tilføj'],
    group: ['overblik', 'hjælp'],
    direct: ['gruppe opret', 'hjælp'],
  },
  en: {
    facilitator: ['checkin start', 'checkin status', 'checkin closing', 'checkin close', 'participation', 'group add'],
    group: ['overview', 'help'],
    direct: ['group create', 'help'],
  },
};

const state = {
  as: localStorage.getItem('lederrum.as') || '',
  conversation: localStorage.getItem('lederrum.conversation') || '',
  thread: null,
  workspace: null,
};

/** A failed call, by the server's code (or "offline" when the server did not answer): errorText says it in the page's language. */
class PageError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(`/api${path}`, {
      ...options,
      headers: { 'content-type': 'application/json', 'x-playground-token': token, ...(options.headers || {}) },
    });
  } catch {
    throw new PageError('offline');
  }
  const body = await response.json().catch(() => ({}));
  // A restarted server has a new token: this page is from before, so it fetches itself again.
  if (body.code === 'stale_page') reload(showStatus);
  if (!response.ok) throw new PageError(body.code || 'failed');
  return body;
}

const post = (path, body) => api(path, { method: 'POST', body: JSON.stringify({ as: state.as, conversationId: state.conversation, ...body }) });

function showStatus(text) {
  const status = $('#status');
  status.textContent = text || '';
  status.hidden = !text;
}

// Changes come in bursts, so reads overlap and their answers may come back out of order. Only the
// latest read started is shown: it began after the latest change, so an earlier one's answer is older.
const asked = { workspace: 0, messages: 0 };

async function loadWorkspace() {
  const turn = ++asked.workspace;
  const workspace = await api(`/workspace?as=${encodeURIComponent(state.as)}`);
  if (turn !== asked.workspace) return;
  state.workspace = workspace;
  if (!workspace.me) return renderEmpty();
  state.as = workspace.me.externalId;
  localStorage.setItem('lederrum.as', state.as);
  setLanguage(workspace.language);

  $('#as').replaceChildren(...workspace.people.map((p) => new Option(p.displayName, p.externalId, false, p.externalId === state.as)));
  const ids = [workspace.direct.id, ...workspace.channels.map((c) => c.id)];
  if (!ids.includes(state.conversation)) state.conversation = workspace.direct.id;
  localStorage.setItem('lederrum.conversation', state.conversation);

  const item = (conversation, prefix) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${prefix}${conversation.name}`;
    button.dataset.conversation = conversation.id;
    button.className = conversation.id === state.conversation ? 'active' : '';
    button.addEventListener('click', () => {
      selectConversation(conversation.id);
      sidebar.chosen();
    });
    li.append(button);
    return li;
  };
  const channels = workspace.channels.map((c) => item(c, '# '));
  if (channels.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.innerHTML = inlineCode(t('noChannels'));
    channels.push(li);
  }
  $('#channels').replaceChildren(...channels);
  $('#directs').replaceChildren(item(workspace.direct, '● '));

  const current = [workspace.direct, ...workspace.channels].find((c) => c.id === state.conversation);
  const isDirect = current.id === workspace.direct.id;
  $('#conversation-title').textContent = isDirect ? current.name : `# ${current.name}`;
  $('#composer-text').placeholder = t(isDirect ? 'placeholderDirect' : 'placeholderChannel');
  const lists = SHORTCUTS[language()];
  const shortcuts = isDirect ? lists.direct : [...(current.facilitator ? lists.facilitator : []), ...lists.group];
  $('#shortcuts').replaceChildren(
    ...shortcuts.map((text) => {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.textContent = isDirect ? text : `/lederrum ${text}`;
      chip.addEventListener('click', () => send(chip.textContent));
      return chip;
    }),
  );
}

function renderEmpty() {
  $('#messages').textContent = '';
  $('#as').replaceChildren();
}

function inlineCode(text) {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}

function messageElement(message, replies) {
  const article = document.createElement('article');
  article.className = `message${message.bot ? ' bot' : ''}${message.onlyYou ? ' only-you' : ''}`;
  article.dataset.messageId = message.id;
  const time = new Date(message.at).toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit' });
  article.innerHTML = `<div class="meta"><strong class="author"></strong> <time>${time}</time></div><div class="content">${message.html}</div>`;
  article.querySelector('.author').textContent = message.author;
  if (message.onlyYou) {
    const note = document.createElement('div');
    note.className = 'only-you-note';
    note.textContent = t('onlyYou');
    article.prepend(note);
  }
  if (message.edited) {
    const edited = document.createElement('span');
    edited.className = 'edited';
    edited.textContent = ` (${t('edited')})`;
    article.querySelector('.meta').append(edited);
  }
  if (replies && replies.length > 0) {
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'replies';
    const one = new Intl.PluralRules(language()).select(replies.length) === 'one';
    link.textContent = t(one ? 'replyOne' : 'replies').replace('{count}', replies.length);
    link.addEventListener('click', () => openThread(message.id));
    article.append(link);
  }
  return article;
}

let latestMessages = [];

async function loadMessages() {
  if (!state.conversation) return;
  const turn = ++asked.messages;
  const conversation = state.conversation;
  const messages = await api(`/conversations/${encodeURIComponent(conversation)}/messages?as=${encodeURIComponent(state.as)}`);
  if (turn !== asked.messages || conversation !== state.conversation) return;
  latestMessages = messages;
  const top = messages.filter((m) => !m.threadOf);
  const list = $('#messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(
    ...top.map((m) =>
      messageElement(
        m,
        messages.filter((r) => r.threadOf === m.id),
      ),
    ),
  );
  if (atBottom || list.dataset.conversation !== state.conversation) list.scrollTop = list.scrollHeight;
  list.dataset.conversation = state.conversation;
  renderThread();
  if (messages.length === 0) await openedEmptyChat();
}

/** An empty private chat with Lederrum, shown: the server puts the welcome in it (once per person, which it remembers). */
const askedForWelcome = new Set();
async function openedEmptyChat() {
  const direct = state.workspace?.direct?.id;
  if (state.conversation !== direct || askedForWelcome.has(direct)) return;
  askedForWelcome.add(direct);
  if ((await post('/opened', {})).kind === 'message') await loadMessages();
}

function openThread(id) {
  state.thread = id;
  renderThread();
}

function renderThread() {
  const pane = $('#thread');
  const parent = latestMessages.find((m) => m.id === state.thread);
  if (!parent) {
    pane.hidden = true;
    return;
  }
  pane.hidden = false;
  const replies = latestMessages.filter((m) => m.threadOf === parent.id);
  $('#thread-messages').replaceChildren(messageElement(parent, []), ...replies.map((m) => messageElement(m, [])));
}

async function refresh() {
  try {
    await loadWorkspace();
    await loadMessages();
    showStatus('');
  } catch (error) {
    showStatus(errorText(error));
  }
}

function selectConversation(id) {
  state.conversation = id;
  state.thread = null;
  refresh();
}

async function send(text) {
  if (!text.trim()) return;
  try {
    handleReply(await post('/command', { text }));
    $('#composer-text').value = '';
  } catch (error) {
    showStatus(errorText(error));
  }
}

function handleReply(reply) {
  if (reply.kind === 'form') openForm(reply.html);
  else if (reply.kind === 'form_errors') showFormErrors(reply.errors);
  else if (reply.kind === 'message' && reply.keepNoCopy) showOnce(reply.html);
  else closeForm();
  refresh();
}

// A reply the server kept no copy of (a poll score): shown in the modal, gone when it closes.
function showOnce(html) {
  const modal = $('#modal');
  modal.innerHTML = `<div class="modal-form once"><div class="content">${html}</div><div class="form-actions"><button type="button" class="primary close-once"></button></div></div>`;
  const close = modal.querySelector('.close-once');
  close.textContent = t('close');
  close.addEventListener('click', () => {
    closeForm();
    modal.innerHTML = '';
  });
  if (!modal.open) modal.showModal();
}

function openForm(html) {
  const modal = $('#modal');
  modal.innerHTML = html;
  const form = modal.querySelector('form');
  form.addEventListener('submit', submitForm);
  form.querySelector('.cancel').addEventListener('click', closeForm);
  for (const area of form.querySelectorAll('textarea[data-max]')) {
    const counter = document.createElement('small');
    counter.className = 'counter';
    const update = () => {
      counter.textContent = `${area.value.length} / ${area.dataset.max}`;
      counter.classList.toggle('over', area.value.length > Number(area.dataset.max));
    };
    area.addEventListener('input', update);
    update();
    area.after(counter);
  }
  if (!modal.open) modal.showModal();
  form.querySelector('textarea, input[type=text]')?.focus();
}

function closeForm() {
  const modal = $('#modal');
  if (modal.open) modal.close();
}

function showFormErrors(errors) {
  const form = $('#modal form');
  if (!form) return showStatus(Object.values(errors).join(' '));
  for (const el of form.querySelectorAll('[data-error-for]')) el.textContent = errors[el.dataset.errorFor] || '';
}

function formValues(form) {
  const values = {};
  for (const el of form.querySelectorAll('input[type=text], textarea, select')) values[el.name] = el.value;
  for (const el of form.querySelectorAll('input[data-flag]')) values[el.name] = el.checked;
  for (const set of form.querySelectorAll('fieldset[data-multi]')) {
    values[set.dataset.multi] = [...set.querySelectorAll('input:checked')].map((el) => el.value);
  }
  return values;
}

// While a step is on its way the form says so (aria-busy) and its submit button rests: a second
// press would send the same step twice. The reply replaces the form, closes it or names what to fix.
async function submitForm(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (form.getAttribute('aria-busy') === 'true') return;
  const submit = form.querySelector('button[type=submit]');
  form.setAttribute('aria-busy', 'true');
  if (submit) submit.disabled = true;
  try {
    handleReply(await post('/form', { formId: form.dataset.formId, state: form.dataset.state, values: formValues(form) }));
  } catch (error) {
    showFormErrors({ [form.querySelector('[data-error-for]')?.dataset.errorFor]: errorText(error) });
  } finally {
    form.removeAttribute('aria-busy');
    if (submit) submit.disabled = false;
  }
}

document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  try {
    handleReply(await post('/button', { action: button.dataset.action, value: button.dataset.value }));
  } catch (error) {
    showStatus(errorText(error));
  }
});

$('#composer').addEventListener('submit', (event) => {
  event.preventDefault();
  send($('#composer-text').value);
});
$('#as').addEventListener('change', (event) => {
  state.as = event.target.value;
  state.thread = null;
  closeForm();
  refresh();
});
$('#close-thread').addEventListener('click', () => {
  state.thread = null;
  renderThread();
});
$('#add-person').addEventListener('click', async () => {
  const name = prompt(t('newPersonName'));
  if (!name?.trim()) return;
  try {
    const person = await api('/people', { method: 'POST', body: JSON.stringify({ displayName: name.trim(), locale: language() }) });
    state.as = person.externalId;
    refresh();
  } catch (error) {
    showStatus(errorText(error));
  }
});
$('#remove-person').addEventListener('click', async () => {
  const me = state.workspace?.me;
  if (!me || !confirm(t('removeConfirm').replace('{name}', me.displayName))) return;
  try {
    await api(`/people/${encodeURIComponent(me.externalId)}`, { method: 'DELETE' });
    state.as = '';
    refresh();
  } catch (error) {
    showStatus(errorText(error));
  }
});

let pending = null;
const refreshSoon = () => {
  clearTimeout(pending);
  pending = setTimeout(refresh, 30);
};
// After a break the page may have missed changes: it reads everything again.
keepConnected({ token, onChange: refreshSoon, onBack: refreshSoon, showStatus });

refresh();

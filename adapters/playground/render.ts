// Render: neutral messages and forms → HTML fragments for the playground page. Pure functions,
// tested on structure (tests/playground/render.test.ts). Every piece of text is escaped; a
// command hint (`tjekind start`, src/core/i18n/markup.ts) becomes <code>, or is quoted where
// HTML allows no markup (a button, an option).
import { quoteCommandHints, type Block, type Field, type Form, type Message } from '../../src/core/index.ts';
import { escapeMarkup } from '../../src/core/reports/svg.ts';
import { chrome } from './chrome.ts';

export const escapeHtml = escapeMarkup;

/**
 * Escapes, then turns `code` into <code>, http(s) addresses into links (as Slack and Teams show
 * them: a download link must be clickable) and line breaks into <br>. A link stops at whitespace
 * or at any escaped character, so nothing a person wrote can become an attribute.
 */
/** Text for a button or an <option>, which hold no markup. */
function label(text: string): string {
  return escapeHtml(quoteCommandHints(text));
}

export function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\bhttps?:\/\/[^\s&<>"'`]+[^\s&<>"'`.,;:!?)]/g, (url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`)
    .replace(/\n/g, '<br>');
}

function block(b: Block): string {
  switch (b.type) {
    case 'header':
      return `<div class="m-header">${inline(b.text)}</div>`;
    case 'text':
      return `<div class="m-text">${inline(b.text)}</div>`;
    case 'section':
      return `<div class="m-section">${b.title ? `<div class="m-title">${inline(b.title)}</div>` : ''}<div class="m-body">${inline(b.text)}</div></div>`;
    case 'fields':
      return `<dl class="m-fields">${b.fields.map((f) => `<dt>${inline(f.label)}</dt><dd>${inline(f.value)}</dd>`).join('')}</dl>`;
    case 'context':
      return `<div class="m-context">${inline(b.text)}</div>`;
    case 'code':
      return `<pre class="m-code">${escapeHtml(b.text)}</pre>`;
    case 'image':
      // The browser fetches the picture from this server (or PUBLIC_URL); an address that is not
      // http(s) gets the chart as text. Its title above it, as Slack shows it; width and height keep
      // the layout still while it loads.
      if (!/^https?:\/\//.test(b.url)) return block({ type: 'code', text: b.fallback });
      return `<figure class="m-image"><figcaption>${inline(b.title)}</figcaption><img src="${escapeHtml(b.url)}" alt="${escapeHtml(b.alt)}" width="${b.width}" height="${b.height}"></figure>`;
    case 'buttons':
      return `<div class="m-actions">${b.buttons
        .map(
          (button) =>
            `<button type="button" class="m-button${button.style ? ` ${button.style}` : ''}" data-action="${escapeHtml(button.action)}" data-value="${escapeHtml(button.value)}">${label(button.label)}</button>`,
        )
        .join('')}</div>`;
  }
}

export function messageToHtml(message: Message): string {
  return message.blocks.map(block).join('');
}

function field(f: Field): string {
  const error = `<div class="field-error" role="alert" data-error-for="${escapeHtml(f.id)}"></div>`;
  switch (f.type) {
    case 'text': {
      const attrs = `name="${escapeHtml(f.id)}" id="f-${escapeHtml(f.id)}"${f.maxLength ? ` data-max="${f.maxLength}"` : ''}`;
      const control = f.multiline ? `<textarea ${attrs} rows="5">${escapeHtml(f.initial ?? '')}</textarea>` : `<input type="text" ${attrs} value="${escapeHtml(f.initial ?? '')}">`;
      const hint = f.hint ? `<small class="hint">${inline(f.hint)}</small>` : '';
      return `<div class="field"><label for="f-${escapeHtml(f.id)}">${inline(f.label)}</label>${control}${hint}${error}</div>`;
    }
    case 'choice': {
      // A browser selects a select's first option unless told otherwise: with no initial value an
      // empty option stands first and is selected, so an untouched field sends "" (nothing chosen).
      const chosen = f.options.some((o) => o.value === f.initial);
      const none = chosen ? '' : `<option value="" selected${f.optional ? '' : ' disabled'}>${label(f.placeholder ?? '–')}</option>`;
      return `<div class="field"><label for="f-${escapeHtml(f.id)}">${inline(f.label)}</label><select name="${escapeHtml(f.id)}" id="f-${escapeHtml(f.id)}"${f.optional ? '' : ' aria-required="true"'}>${none}${f.options
        .map((o) => `<option value="${escapeHtml(o.value)}"${o.value === f.initial ? ' selected' : ''}>${label(o.label)}</option>`)
        .join('')}</select>${error}</div>`;
    }
    case 'multi_choice':
      return `<fieldset class="field" data-multi="${escapeHtml(f.id)}"><legend>${inline(f.label)}</legend>${f.options
        .map(
          (o) => `<label class="option"><input type="checkbox" name="${escapeHtml(f.id)}" value="${escapeHtml(o.value)}"${f.initial?.includes(o.value) ? ' checked' : ''}> ${inline(o.label)}</label>`,
        )
        .join('')}${error}</fieldset>`;
    case 'checkbox':
      return `<div class="field"><label class="option"><input type="checkbox" name="${escapeHtml(f.id)}" value="true" data-flag${f.initial ? ' checked' : ''}> ${inline(f.label)}</label>${error}</div>`;
  }
}

/** A form as the modal's content, all in the form's language (Cancel too): the page posts its fields back with the form's id and state. */
export function formToHtml(form: Form): string {
  return `<form class="modal-form" lang="${form.language}" data-form-id="${escapeHtml(form.id)}" data-state="${escapeHtml(form.state)}">
<h2>${inline(form.title)}</h2>
<div class="intro">${form.intro.map(block).join('')}</div>
${form.fields.map(field).join('\n')}
<div class="form-actions"><button type="button" class="cancel">${escapeHtml(chrome.cancel[form.language])}</button><button type="submit" class="primary">${label(form.submitLabel)}</button></div>
</form>`;
}

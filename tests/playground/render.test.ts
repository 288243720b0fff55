// The playground's renderers are pure: neutral message or form in, HTML out. These tests check
// the structure a person would see and press, and that nothing a member wrote becomes markup.
import { describe, expect, it } from 'vitest';
import { escapeHtml, formToHtml, inline, messageToHtml } from '../../adapters/playground/render.ts';
import type { Form, Message } from '../../src/core/index.ts';

describe('messageToHtml', () => {
  it('renders each block kind with its own class', () => {
    const message: Message = {
      text: 'x',
      blocks: [
        { type: 'header', text: 'Tjek-ind #1 · Siden sidst' },
        { type: 'text', text: 'Skriv `tjekind start`\nnæste linje' },
        { type: 'section', title: 'Bo', text: 'Et svar' },
        { type: 'fields', fields: [{ label: 'Anna', value: 'med 2 af 3' }] },
        { type: 'context', text: 'Kun antal' },
        { type: 'buttons', buttons: [{ action: 'round.answer', value: 'r1', label: 'Svar', style: 'primary' }] },
      ],
    };
    const html = messageToHtml(message);
    expect(html).toContain('<div class="m-header">Tjek-ind #1 · Siden sidst</div>');
    expect(html).toContain('Skriv <code>tjekind start</code><br>næste linje');
    expect(html).toContain('<div class="m-title">Bo</div><div class="m-body">Et svar</div>');
    expect(html).toContain('<dt>Anna</dt><dd>med 2 af 3</dd>');
    expect(html).toContain('<div class="m-context">Kun antal</div>');
    expect(html).toContain('class="m-button primary" data-action="round.answer" data-value="r1">Svar</button>');
  });

  it('renders a code block as escaped preformatted text, backticks and all', () => {
    const html = messageToHtml({ text: 'x', blocks: [{ type: 'code', text: '- [ ] `Gå` <b>en tur</b>\n  - indsats 2/5' }] });
    expect(html).toBe('<pre class="m-code">- [ ] `Gå` &lt;b&gt;en tur&lt;/b&gt;\n  - indsats 2/5</pre>');
  });

  it('renders an image as its title and an <img> with its alt text and size, escaped, and the chart as text at an address that is not http(s)', () => {
    const chart = {
      type: 'image' as const,
      url: 'http://localhost:3000/charts/a.b/chart.png?x="1"',
      alt: 'Trivsel: "Enig" 8 <b>',
      title: 'Trivsel · 5 svar',
      width: 640,
      height: 320,
      fallback: 'Enig <███> 8',
    };
    const html = messageToHtml({ text: 'x', blocks: [chart] });
    expect(html).toBe(
      '<figure class="m-image"><figcaption>Trivsel · 5 svar</figcaption><img src="http://localhost:3000/charts/a.b/chart.png?x=&quot;1&quot;" alt="Trivsel: &quot;Enig&quot; 8 &lt;b&gt;" width="640" height="320"></figure>',
    );
    expect(messageToHtml({ text: 'x', blocks: [{ ...chart, url: 'javascript:alert(1)' }] })).toBe('<pre class="m-code">Enig &lt;███&gt; 8</pre>');
  });

  it('escapes everything a member wrote, so an answer cannot inject markup', () => {
    const evil = '<img src=x onerror="alert(1)"> & "quotes"';
    const html = messageToHtml({ text: evil, blocks: [{ type: 'section', title: '<b>Bo</b>', text: evil }] });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Bo</b>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot;');
  });

  it('escapes button values and labels in attributes', () => {
    const html = messageToHtml({ text: '', blocks: [{ type: 'buttons', buttons: [{ action: 'a"b', value: '"><script>', label: '<x>' }] }] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('data-action="a&quot;b"');
    expect(html).toContain('&lt;x&gt;</button>');
  });

  it('inline() makes http(s) addresses links, and nothing a person wrote becomes an attribute', () => {
    expect(inline('Hent: https://x.example/me/a.1.b/data.json.')).toBe(
      'Hent: <a href="https://x.example/me/a.1.b/data.json" target="_blank" rel="noopener noreferrer">https://x.example/me/a.1.b/data.json</a>.',
    );
    const hostile = inline('https://x.example/"onmouseover="alert(1) javascript:alert(1) <a href=x>');
    expect(hostile).not.toContain('"onmouseover');
    expect(hostile).not.toContain('href="javascript');
    expect(hostile).toContain('&lt;a href=x&gt;');
  });

  it('inline() only turns backtick pairs into code', () => {
    expect(inline('a `b` c `d')).toBe('a <code>b</code> c `d');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});

describe('formToHtml', () => {
  const form: Form = {
    id: 'round.answer',
    language: 'da',
    state: 'round-1',
    title: 'Siden sidst',
    submitLabel: 'Gem',
    intro: [{ type: 'section', title: 'Det tog du med dig sidst', text: 'Pauser <3' }],
    fields: [
      { type: 'text', id: 'answer', label: 'Dit svar', multiline: true, maxLength: 3000, initial: 'før', hint: 'Højst 3.000 tegn' },
      { type: 'text', id: 'name', label: 'Navn', initial: 'A "B"' },
      {
        type: 'choice',
        id: 'language',
        label: 'Sprog',
        options: [
          { value: 'da', label: 'Dansk' },
          { value: 'en', label: 'Engelsk' },
        ],
        initial: 'en',
      },
      {
        type: 'multi_choice',
        id: 'members',
        label: 'Medlemmer',
        options: [
          { value: 'p1', label: 'Bo' },
          { value: 'p2', label: 'Carl' },
        ],
        initial: ['p2'],
      },
      { type: 'checkbox', id: 'share', label: 'Del med gruppen', initial: true },
    ],
  };
  const html = formToHtml(form);

  it('carries the form id and state back to the server', () => {
    expect(html).toContain('data-form-id="round.answer" data-state="round-1"');
  });

  it('shows the intro read-only and escaped', () => {
    expect(html).toContain('<div class="m-title">Det tog du med dig sidst</div><div class="m-body">Pauser &lt;3</div>');
  });

  it('renders each field with its current value and an error slot', () => {
    expect(html).toMatch(/<textarea name="answer" id="f-answer" data-max="3000" rows="5">før<\/textarea>/);
    expect(html).toContain('value="A &quot;B&quot;"');
    expect(html).toContain('<option value="en" selected>Engelsk</option>');
    expect(html).toContain('<option value="da">Dansk</option>');
    expect(html).toContain('name="members" value="p2" checked');
    expect(html).toMatch(/name="members" value="p1">/);
    expect(html).toMatch(/name="share" value="true" data-flag checked/);
    for (const id of ['answer', 'name', 'language', 'members', 'share']) expect(html).toContain(`data-error-for="${id}"`);
  });

  it('has a localised cancel and the form’s own submit label', () => {
    expect(html).toContain('<button type="button" class="cancel">Annuller</button>');
    expect(html).toContain('<button type="submit" class="primary">Gem</button>');
  });
});

describe('a choice with nothing chosen', () => {
  const scale = [
    { value: '0', label: 'Aldrig' },
    { value: '4', label: 'Meget ofte' },
  ];
  const form = (fields: Form['fields']): string => formToHtml({ id: 'poll.answer', language: 'da', state: 'p1', title: 'Puls', submitLabel: 'Send', intro: [], fields });

  it('starts on an empty, selected placeholder, so an untouched select sends "" and never its first answer', () => {
    const html = form([{ type: 'choice', id: 'q0', label: '1. Oprevet', options: scale, placeholder: 'Vælg et svar' }]);
    expect(html).toContain('<select name="q0" id="f-q0" aria-required="true"><option value="" selected disabled>Vælg et svar</option><option value="0">Aldrig</option>');
    expect(html).not.toContain('value="0" selected');
  });

  it('lets an optional choice go back to nothing, and shows a chosen value without a placeholder', () => {
    expect(form([{ type: 'choice', id: 'q1', label: 'Dag', options: scale, optional: true }])).toContain('<select name="q1" id="f-q1"><option value="" selected>–</option>');
    const chosen = form([{ type: 'choice', id: 'q2', label: 'Dag', options: scale, initial: '4', placeholder: 'Vælg' }]);
    expect(chosen).toContain('<option value="4" selected>Meget ofte</option>');
    expect(chosen).not.toContain('Vælg</option>');
  });
});

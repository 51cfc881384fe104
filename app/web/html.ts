// HTML built with a tagged template that escapes every value: `html\`<h1>${title}</h1>\``
// escapes `title` (outlets' titles and bodies are hostile input), while a nested html`…`
// fragment or an array of them is inserted as it is. `raw()` is the one way around the
// escaping and is only for markup this code wrote itself (an SVG chart from src/report).
import { html as escapeHtml } from '../../src/report/escape.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | boolean | null | undefined | readonly Child[];

function render(v: Child): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return (v as readonly Child[]).map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Markup this code produced itself (never text from a request, an outlet or the store). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** `name="x"` attributes that are present only when true: `${attr('checked', on)}`. */
export function attr(name: string, on: boolean): Html {
  return new Html(on ? ` ${name}` : '');
}

/** A query string from parameters, leaving out empty ones; arrays repeat the key. */
export function qs(
  params: Record<string, string | number | readonly string[] | undefined>,
): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const x of v as readonly string[]) u.append(k, x);
    else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

// Whether a browser could change a page: it runs scripts only from <script> elements of a
// JavaScript type (HTML's "prepare the script element": no type or an empty one, "module", or a
// JavaScript MIME type; JSON-LD, templates and other data blocks never run) and from inline
// event handlers (onload=…). A page with neither renders to the DOM its static HTML parses to,
// so the crawler's `auto` mode does not open it in Chromium. Pure.
import type { AnyNode, Element } from 'domhandler';
import type { Document } from './parse.js';

const JS_TYPE =
  /^(?:module|(?:text|application)\/(?:x-)?(?:javascript|ecmascript|jscript|livescript)(?:1\.[0-5])?)$/;

function runnable(el: Element): boolean {
  const type = el.attribs['type'];
  if (type === undefined)
    return (
      el.attribs['language'] === undefined || /^(?:java|ecma)script/i.test(el.attribs['language'])
    );
  const t = type.trim().toLowerCase();
  return t === '' || JS_TYPE.test(t.split(';')[0]!.trim());
}

function hasHandler(el: Element): boolean {
  for (const name in el.attribs) if (name.length > 2 && name.startsWith('on')) return true;
  return false;
}

/** True when the document has a script a browser would run, or an inline event handler. */
export function mayRunScripts(doc: Document): boolean {
  const stack: AnyNode[] = [...doc.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    if (el.name === 'script' && runnable(el)) return true;
    if (hasHandler(el)) return true;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return false;
}

// Scraped text made safe to store and show: control characters and bidirectional controls
// removed, and over-long text cut. Text from pages is hostile (docs/reliability.md): a NUL byte
// breaks PostgreSQL text and spreadsheet XML, a right-to-left override (U+202E) reorders what a
// report shows around it, a title of a megabyte fills every report line.

/**
 * Controls to remove: C0 except tab and line feed (a carriage return becomes a line feed
 * first), DEL, C1; and the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which reorder the text shown after them. The marks
 * U+200E/U+200F stay: they reorder nothing around them and Arabic and Hebrew text uses them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const BIDI_RE = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_TEST = /[\u202A-\u202E\u2066-\u2069]/;

/** The text without control characters (\t and \n kept, \r\n and \r made \n) nor bidi controls. */
export function stripControls(s: string): string {
  if (!UNSAFE_TEST.test(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE_RE, '');
}

/** The text without bidirectional embeddings, overrides and isolates. */
export function stripBidi(s: string): string {
  return BIDI_TEST.test(s) ? s.replace(BIDI_RE, '') : s;
}

/** Marks the end of a cut text. */
export const CUT_MARK = '…';

/**
 * The text cut to at most `max` characters (UTF-16 code units), ending with "…": at the last
 * white space in its last fifth when there is one, never inside a surrogate pair.
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - CUT_MARK.length);
  const space = Math.max(s.lastIndexOf(' ', end), s.lastIndexOf('\n', end));
  if (space > end - Math.ceil(max / 5) && space > 0) end = space;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return s.slice(0, end).trimEnd() + CUT_MARK;
}

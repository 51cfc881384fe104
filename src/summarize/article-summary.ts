// A short extractive summary of one mention: the lead, then the hit sentences that the lead
// does not already carry, up to `maxChars`. Pure. (Issue 6 refines it.)
import type { HitSentence } from '../types.js';

export function summarizeMention(
  article: { title: string | null; lead: string | null; body: string | null },
  sentences: readonly HitSentence[],
  maxChars = 420,
): string {
  const firstParagraph = article.body?.split(/\n\s*\n/)[0]?.trim() ?? '';
  const lead = (article.lead ?? firstParagraph).trim();
  const parts: string[] = [];
  let length = 0;
  const add = (text: string): boolean => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t || parts.some((p) => p.includes(t) || t.includes(p))) return true;
    if (length + t.length > maxChars) {
      if (parts.length === 0) parts.push(`${t.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…`);
      return false;
    }
    parts.push(t);
    length += t.length + 1;
    return true;
  };
  if (lead) add(lead);
  for (const s of sentences) if (s.field !== 'title' && !add(s.text)) break;
  if (parts.length === 0 && article.title) add(article.title);
  return parts.join(' ');
}

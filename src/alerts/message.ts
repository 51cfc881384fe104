// The words of an alert: a Slack-compatible webhook message ({ text, blocks }, Block Kit) and
// an e-mail (subject, text, HTML). Pure. Scraped text is escaped for each: Slack mrkdwn
// (& < > and the link separator |), HTML entities; e-mail text needs none.
import type { EventConfig } from '../config/schema.js';
import { html, safeUrl } from '../report/escape.js';
import type { Mention } from '../summarize/types.js';
import { brusselsIsoFromUtc } from '../time/brussels.js';
import type { AlertMode } from './periods.js';

/** Articles listed one by one; the rest are counted. Slack allows 50 blocks per message. */
export const MAX_LISTED = 20;
const SUMMARY_CHARS = 280;

export interface AlertContext {
  event: Pick<EventConfig, 'id' | 'name'>;
  mode: AlertMode;
  mentions: readonly Mention[];
  outletNames: Readonly<Record<string, string>>;
  /** Digests: the end of the last period covered (ISO). */
  until?: string | null;
}

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

function cut(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1).trimEnd()}…`;
}

/** Slack mrkdwn: only &, < and > are control characters. */
export function slackText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slackLink(url: string, label: string): string {
  const href = safeUrl(url);
  const text = slackText(label).replace(/\|/g, '¦');
  return href ? `<${href.replace(/\|/g, '%7C')}|${text}>` : text;
}

/** "2024-01-05 00:00 Brussels time": digests close on Brussels time. */
function brusselsTime(iso: string): string {
  return `${brusselsIsoFromUtc(Date.parse(iso)).slice(0, 16).replace('T', ' ')} Brussels time`;
}

function headline(c: AlertContext): string {
  const n = c.mentions.length;
  const what = `${n} new article${n === 1 ? '' : 's'} on ${c.event.name}`;
  if (c.mode === 'immediate') return `mediawatch: ${what}`;
  return `mediawatch ${c.mode} digest: ${what}${c.until ? ` (to ${brusselsTime(c.until)})` : ''}`;
}

function facts(m: Mention, outletNames: Readonly<Record<string, string>>): string[] {
  const a = m.article;
  return [
    outletNames[a.outletId] ?? a.outletId,
    a.language ?? '?',
    a.published ? a.published.slice(0, 16).replace('T', ' ') : 'undated',
    ...(a.access === 'free' ? [] : [`body unavailable (${a.access})`]),
  ];
}

export function slackMessage(c: AlertContext): SlackMessage {
  const listed = c.mentions.slice(0, MAX_LISTED);
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: { type: 'plain_text', text: cut(headline(c), 150), emoji: false } },
  ];
  for (const m of listed) {
    const title = m.article.title ?? '(untitled)';
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: cut(
          `*${slackLink(m.article.url, cut(title, 200))}*\n${slackText(facts(m, c.outletNames).join(' · '))}\n${slackText(cut(m.summary, SUMMARY_CHARS))}`,
          2900,
        ),
      },
    });
  }
  const more = c.mentions.length - listed.length;
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: slackText(
          `${more > 0 ? `and ${more} more · ` : ''}event ${c.event.id} · mediawatch report ${c.event.id}`,
        ),
      },
    ],
  });
  return { text: slackText(headline(c)), blocks };
}

export function emailMessage(c: AlertContext): EmailMessage {
  const listed = c.mentions.slice(0, MAX_LISTED * 5);
  const more = c.mentions.length - listed.length;
  const text = [
    `${headline(c)}`,
    '',
    ...listed.flatMap((m) => [
      `* ${cut(m.article.title ?? '(untitled)', 200)}`,
      `  ${facts(m, c.outletNames).join(' · ')}`,
      `  ${m.article.url}`,
      `  ${cut(m.summary, SUMMARY_CHARS)}`,
      '',
    ]),
    ...(more > 0 ? [`and ${more} more.`, ''] : []),
    `Full report: mediawatch report ${c.event.id} --format html --out report.html`,
    '',
  ].join('\n');
  const items = listed
    .map((m) => {
      const href = safeUrl(m.article.url);
      const title = html(m.article.title ?? '(untitled)');
      return `<li><b>${href ? `<a href="${html(href)}">${title}</a>` : title}</b><br><small>${html(facts(m, c.outletNames).join(' · '))}</small><br>${html(cut(m.summary, SUMMARY_CHARS))}</li>`;
    })
    .join('\n');
  const body = `<!doctype html><html><body style="font-family:sans-serif"><h2>${html(headline(c))}</h2><ul>${items}</ul>${more > 0 ? `<p>and ${more} more.</p>` : ''}</body></html>`;
  return { subject: cut(headline(c), 180), text, html: body };
}

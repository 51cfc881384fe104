import { describe, expect, it } from 'vitest';
import { emailMessage, MAX_LISTED, slackMessage, slackText } from '../../../src/alerts/message.js';
import { nextDigestAt, periodStart, retryAt } from '../../../src/alerts/periods.js';
import { mention } from '../report/fixtures.js';

const hostile = mention(
  1,
  { title: '<!channel> <script>x</script> & | =CMD()', url: 'https://rtl.example/a|b' },
  { summary: '<@U123> *pwn*' },
);
const ctx = (mentions = [hostile]) => ({
  event: { id: 'ev', name: 'Event' },
  mode: 'immediate' as const,
  mentions,
  outletNames: { rtl: 'RTL info' },
});

describe('slackMessage', () => {
  it('escapes mrkdwn control characters so scraped text cannot ping or link', () => {
    const m = slackMessage(ctx());
    const section = JSON.stringify(m.blocks[1]);
    expect(section).toContain('&lt;!channel&gt; &lt;script&gt;x&lt;/script&gt; &amp; ¦ =CMD()');
    expect(section).toContain('<https://rtl.example/a%7Cb|');
    expect(section).toContain('&lt;@U123&gt;');
    expect(section).not.toContain('<!channel>');
    expect(m.text).toBe('mediawatch: 1 new article on Event');
  });

  it('lists at most MAX_LISTED articles and counts the rest (Slack allows 50 blocks)', () => {
    const many = Array.from({ length: 45 }, (_, i) => mention(i + 1));
    const m = slackMessage(ctx(many));
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(m.blocks.filter((b) => b.type === 'section')).toHaveLength(MAX_LISTED);
    expect(JSON.stringify(m.blocks.at(-1))).toContain(`and ${45 - MAX_LISTED} more`);
  });

  it('does not link a URL that is not http(s)', () => {
    const m = slackMessage(ctx([mention(2, { url: 'javascript:alert(1)' })]));
    expect(JSON.stringify(m.blocks)).not.toContain('<javascript:');
    expect(slackText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });
});

describe('emailMessage', () => {
  it('escapes the HTML part and keeps the text part readable', () => {
    const m = emailMessage(ctx());
    expect(m.html).toContain('&lt;!channel&gt; &lt;script&gt;x&lt;/script&gt; &amp; | =CMD()');
    expect(m.html).not.toContain('<script>');
    expect(m.text).toContain('<!channel> <script>x</script> & | =CMD()');
    expect(m.subject).toBe('mediawatch: 1 new article on Event');
  });
});

describe('periods', () => {
  const now = new Date('2024-01-05T10:20:30Z');
  it('start and end hourly digests on the hour and daily ones at midnight in Brussels', () => {
    expect(periodStart('immediate', now)).toBeNull();
    expect(periodStart('hourly', now)?.toISOString()).toBe('2024-01-05T10:00:00.000Z');
    expect(nextDigestAt('hourly', now)?.toISOString()).toBe('2024-01-05T11:00:00.000Z');
    // Winter: Brussels midnight is 23:00 UTC.
    expect(periodStart('daily', now)?.toISOString()).toBe('2024-01-04T23:00:00.000Z');
    expect(nextDigestAt('daily', now)?.toISOString()).toBe('2024-01-05T23:00:00.000Z');
    // 23:30 UTC is already the next day in Brussels.
    const late = new Date('2024-01-05T23:30:00Z');
    expect(periodStart('daily', late)?.toISOString()).toBe('2024-01-05T23:00:00.000Z');
    // Summer: 22:00 UTC; the day the clocks go back lasts 25 hours, the spring one 23.
    expect(periodStart('daily', new Date('2024-07-01T12:00:00Z'))?.toISOString()).toBe(
      '2024-06-30T22:00:00.000Z',
    );
    expect(nextDigestAt('daily', new Date('2024-10-27T12:00:00Z'))?.toISOString()).toBe(
      '2024-10-27T23:00:00.000Z',
    );
    expect(periodStart('daily', new Date('2024-10-27T12:00:00Z'))?.toISOString()).toBe(
      '2024-10-26T22:00:00.000Z',
    );
    expect(nextDigestAt('daily', new Date('2024-03-31T12:00:00Z'))?.toISOString()).toBe(
      '2024-03-31T22:00:00.000Z',
    );
  });

  it('back off exponentially up to an hour, never before Retry-After', () => {
    const t = (d: Date): number => (d.getTime() - now.getTime()) / 1000;
    expect([1, 2, 3, 20].map((n) => t(retryAt(now, n, 2_000)))).toEqual([2, 4, 8, 3600]);
    expect(t(retryAt(now, 1, 2_000, 30_000))).toBe(30);
  });
});

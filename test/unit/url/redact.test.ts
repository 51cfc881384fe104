import { describe, expect, it } from 'vitest';
import { reasonLine } from '../../../src/errors.js';
import { redactDeep, redactText, redactUrl } from '../../../src/url/redact.js';

describe('redactUrl', () => {
  it('hides user info and credential query values, and keeps the rest as written', () => {
    expect(redactUrl('redis://:s3cret@10.0.0.5:6379/0')).toBe('redis://***@10.0.0.5:6379/0');
    expect(redactUrl('https://bob:pw@news.example/a?id=7&token=abc#top')).toBe(
      'https://***@news.example/a?id=7&token=***#top',
    );
    expect(redactUrl('https://x.example/f?API_KEY=1&Signature=2&auth_token=3&page=2')).toBe(
      'https://x.example/f?API_KEY=***&Signature=***&auth_token=***&page=2',
    );
    expect(redactUrl('feed:/rss.xml?key=k')).toBe('feed:/rss.xml?key=***');
    expect(redactUrl('https://news.example/a?q=keynote')).toBe('https://news.example/a?q=keynote');
  });
});

describe('redactText', () => {
  it('redacts every URL inside a message', () => {
    expect(redactText('GET http://u:p@h.example/x?sig=1 failed; see https://ok.example/')).toBe(
      'GET http://***@h.example/x?sig=*** failed; see https://ok.example/',
    );
  });

  it('is applied to every reason line', () => {
    expect(reasonLine('MW_ERR_NETWORK', 'no answer from https://a:b@h.example/')).toBe(
      'MW_ERR_NETWORK: no answer from https://***@h.example/',
    );
  });
});

describe('redactDeep', () => {
  it('walks plain objects and arrays, and leaves other values alone', () => {
    const input = { a: ['http://u:p@h/'], n: 1, d: new Date(0) };
    const out = redactDeep(input);
    expect(out).toEqual({ a: ['http://***@h/'], n: 1, d: new Date(0) });
    expect(input.a[0]).toBe('http://u:p@h/');
  });
});

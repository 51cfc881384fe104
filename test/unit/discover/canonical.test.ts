import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/url/canonical.js';

describe('canonicalUrl', () => {
  it('normalises scheme, host, default port, fragment and tracking parameters', () => {
    expect(canonicalUrl('HTTPS://WWW.Example.BE:443/a/b?utm_source=x&id=3&fbclid=y#top')).toBe(
      'https://www.example.be/a/b?id=3',
    );
    expect(canonicalUrl('http://example.be:80/?gclid=1')).toBe('http://example.be/');
  });
  it('resolves relative links and rejects other schemes', () => {
    expect(canonicalUrl('../x', 'https://a.be/b/c/')).toBe('https://a.be/b/x');
    expect(canonicalUrl('mailto:a@b.be')).toBeNull();
    expect(canonicalUrl('javascript:void(0)', 'https://a.be/')).toBeNull();
  });
});

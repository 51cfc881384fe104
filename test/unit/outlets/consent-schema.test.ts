// The consent block of an outlet file: a platform, a button (optional only for a privacy
// gate), an optional iframe for Sourcepoint, an optional body selector.
import { describe, expect, it } from 'vitest';
import { outletSchema } from '../../../src/config/schema.js';

const outlet = (consent: Record<string, unknown>): Record<string, unknown> => ({
  id: 'krant',
  name: 'De Krant',
  baseUrl: 'https://www.krant.test',
  languages: ['nl'],
  consent,
});

describe('consent recipe', () => {
  it('keeps the old form: a button and a body selector, platform "other"', () => {
    const r = outletSchema.parse(outlet({ click: '#ok', waitFor: 'article p' }));
    expect(r.consent).toEqual({ platform: 'other', click: '#ok', waitFor: 'article p' });
  });

  it('takes a Sourcepoint recipe with the iframe that holds the button', () => {
    const r = outletSchema.parse(
      outlet({
        platform: 'sourcepoint',
        frame: 'iframe[id^="sp_message_iframe"]',
        click: 'button.sp_choice_type_11',
      }),
    );
    expect(r.consent?.frame).toBe('iframe[id^="sp_message_iframe"]');
  });

  it('lets only a privacy gate go without a button', () => {
    expect(outletSchema.parse(outlet({ platform: 'privacy-gate' })).consent?.click).toBeUndefined();
    const bad = outletSchema.safeParse(outlet({ platform: 'didomi' }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['consent.click']);
  });

  it('rejects unknown platforms and fields', () => {
    expect(outletSchema.safeParse(outlet({ platform: 'cookiebot', click: '#a' })).success).toBe(
      false,
    );
    expect(outletSchema.safeParse(outlet({ click: '#a', hosts: ['x'] })).success).toBe(false);
  });
});

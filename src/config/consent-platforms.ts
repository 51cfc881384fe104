// The consent platforms Belgian outlets use and the recipe each one needs in an outlet file's
// `consent` block. The selectors are the platforms' own, stable across the sites that embed
// them; an outlet file may override one where its site differs (say so in a comment there).
// Sources for each: docs/outlets.md.
import type { OutletConfig } from './schema.js';

export type ConsentPlatform = NonNullable<OutletConfig['consent']>['platform'];

export interface PlatformRecipe {
  /** The accept button; absent where mediawatch never clicks. */
  click?: string;
  /** The iframe that holds the button. */
  frame?: string;
  /** What the platform shows and what the crawler does about it. */
  note: string;
  /** Where the platform serves its scripts and frames from: the browser lets these through. */
  hosts: readonly string[];
}

export const CONSENT_PLATFORMS: Readonly<Record<ConsentPlatform, PlatformRecipe>> = {
  didomi: {
    click: '#didomi-notice-agree-button',
    note: 'Didomi banner in the page; the agree button sets the didomi_token cookie',
    hosts: ['privacy-center.org'],
  },
  onetrust: {
    click: '#onetrust-accept-btn-handler',
    note: 'OneTrust banner in the page (#onetrust-banner-sdk)',
    hosts: ['cookielaw.org', 'onetrust.com'],
  },
  sourcepoint: {
    // Choice type 11 is Sourcepoint's "accept all", whatever the language of its label.
    click: 'button.sp_choice_type_11',
    frame: 'iframe[id^="sp_message_iframe"]',
    note: 'Sourcepoint message in an iframe; the click happens inside the frame',
    hosts: ['privacy-mgmt.com', 'sp-prod.net'],
  },
  'privacy-gate': {
    note:
      'the site redirects to a consent host (DPG: myprivacy.dpgmedia.be); such pages are ' +
      'recorded as gated, never clicked through unless the outlet recipe names a button',
    hosts: [],
  },
  other: { note: 'a site-specific banner: the outlet recipe names its button', hosts: [] },
};

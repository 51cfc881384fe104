// Query and path parameters that change the URL but not the page: campaign tracking, click ids,
// AMP switches and session ids. Removing them makes one page one URL, and a session-id trap
// (a new ?sid= or ;jsessionid= on every answer) one URL instead of an endless supply.

/** Campaign and click-tracking parameters (analytics, ad networks, newsletters). */
const TRACKING =
  /^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|li_fat_id|mc_cid|mc_eid|mkt_tok|_hsenc|_hsmi|_ga|_gl|ocid|cmpid|xtor|at_\w+|ns_(?:source|mchannel|campaign|linkname|fee)|wt\.mc_id|s_cid|ito|usqp|ref_src|ref_url|__twitter_impression|sr_share|vero_id|oly_(?:enc|anon)_id)$/i;

/** Session ids: always noise, whatever their value. */
const SESSION =
  /^(?:jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id|sessid|cfid|cftoken)$/i;

/**
 * `sid` is a session id on some sites and a story id on others (Slashdot: sid=06/01/05/1234):
 * it goes only when its value looks like a token (16 or more letters and digits, with a digit).
 */
const SESSION_IF_TOKEN = /^(?:sid|s_id)$/i;
const TOKEN = /^(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}$/;

/** AMP switches: ?amp, ?amp=1, ?_amp=true, ?outputType=amp (Arc XP), ?amp_js_v=… */
function isAmpParam(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k === 'amp' || k === '_amp' || k.startsWith('amp_')) return true;
  return k === 'outputtype' && value.toLowerCase() === 'amp';
}

/** True when the query parameter can be dropped without changing the page. */
export function isNoiseParam(key: string, value: string): boolean {
  return (
    TRACKING.test(key) ||
    SESSION.test(key) ||
    (SESSION_IF_TOKEN.test(key) && TOKEN.test(value)) ||
    isAmpParam(key, value)
  );
}

/** Removes session path parameters: /page;jsessionid=ABC123 → /page. */
export function stripSessionPathParams(pathname: string): string {
  return pathname.replace(/;(?:jsessionid|phpsessid|sessionid|sid)=[^/;]*/gi, '');
}

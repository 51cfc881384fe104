// Secrets out of URLs before they leave the process (logs, the database's error fields, the
// terminal): the user info (`user:password@`) and the values of query parameters that carry
// credentials (token, key, password, signature, …). The rest of the URL stays as written, so a
// redacted URL still says which page or server it was. `redactText` does the same for every
// URL inside a message (an error, a reason line).

/** Query parameter names whose values are credentials (compared case-insensitively). */
export const SECRET_PARAMS: readonly string[] = [
  'token',
  'key',
  'apikey',
  'api_key',
  'api-key',
  'password',
  'passwd',
  'pwd',
  'pass',
  'secret',
  'sig',
  'signature',
  'access_token',
  'refresh_token',
  'id_token',
  'auth',
  'auth_token',
  'authorization',
  'client_secret',
  'session',
  'sessionid',
  'jwt',
  'credential',
  'credentials',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
];

const SECRET_SET = new Set(SECRET_PARAMS);
/** Names that end like a credential (`auth_token`, `clientSecret`, `db-password`). */
const SECRET_SUFFIX = /(?:token|secret|password|passwd|apikey|api_key|signature)$/i;

export const REDACTED = '***';

function isSecretParam(rawName: string): boolean {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' '));
  } catch {
    // keep the raw name
  }
  const lower = name.toLowerCase();
  return SECRET_SET.has(lower) || SECRET_SUFFIX.test(lower);
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      return isSecretParam(pair.slice(0, eq)) ? `${pair.slice(0, eq + 1)}${REDACTED}` : pair;
    })
    .join('&');
}

const SCHEME_AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;

/** The URL with its user info and credential-carrying query values replaced by `***`. */
export function redactUrl(url: string): string {
  let out = url;
  const m = SCHEME_AUTHORITY.exec(out);
  if (m) {
    const authority = m[2] ?? '';
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      out = `${m[1]}${REDACTED}@${authority.slice(at + 1)}${out.slice(m[0].length)}`;
    }
  }
  const q = out.indexOf('?');
  if (q < 0) return out;
  const hash = out.indexOf('#', q);
  const query = hash < 0 ? out.slice(q + 1) : out.slice(q + 1, hash);
  const rest = hash < 0 ? '' : out.slice(hash);
  return `${out.slice(0, q + 1)}${redactQuery(query)}${rest}`;
}

// A URL inside free text: a scheme, `://`, then up to whitespace, a quote or an angle bracket.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** Every URL inside the text redacted (`redactUrl`); the text around them unchanged. */
export function redactText(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL_IN_TEXT, (u) => redactUrl(u));
}

/**
 * A copy of a value with every string in it passed through `redactText` (objects and arrays
 * walked up to `depth` levels; other values as they are). For log records.
 */
export function redactDeep<T>(value: T, depth = 6): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (depth <= 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v: unknown) => {
      const r = redactDeep(v, depth - 1);
      if (r !== v) changed = true;
      return r;
    });
    return (changed ? out : value) as T;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const r = redactDeep(v, depth - 1);
    if (r !== v) {
      out ??= { ...(value as Record<string, unknown>) };
      out[k] = r;
    }
  }
  return (out ?? value) as T;
}

// Network scope: where a request may go, checked before it connects (docs/reliability.md).
//   The HOST rule: a request's host must belong to the outlet — its baseUrl's host and the
//     hosts its `hosts` list names (plus, for the browser, its consent platform's hosts).
//   The ADDRESS rule: every address the host resolves to must be public. Private, loopback,
//     link-local, unique-local, CGNAT, reserved and multicast addresses are refused unless
//     settings `network.allowPrivateHosts` names the host; cloud metadata addresses always.
// The address rule is applied where the socket is opened (a lookup that checks what it returns,
// and the connection goes to the checked address), so a second DNS answer cannot slip past it.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { MwError } from '../errors.js';

// --- addresses ---------------------------------------------------------------------------------

export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'cgnat'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

/** Cloud instance-metadata endpoints (AWS, GCP, Azure, OpenStack, ECS, Alibaba, AWS IPv6). */
const METADATA = new Set([
  '169.254.169.254',
  '169.254.170.2',
  '169.254.169.253',
  '100.100.100.200',
  'fd00:ec2:0:0:0:0:0:254',
]);

function v4Octets(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  const out = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return out.every((n) => n >= 0 && n <= 255) ? out : null;
}

function classifyV4(o: readonly number[]): AddressClass {
  const [a = 0, b = 0, c = 0] = o;
  if (METADATA.has(o.join('.'))) return 'metadata';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // 240/4 and 255.255.255.255
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'reserved'; // IETF, TEST-NET-1
  if (a === 192 && b === 88 && c === 99) return 'reserved'; // 6to4 relay anycast
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113))
    return 'reserved'; // TEST-NET-2, -3
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, embedded IPv4 read), or null. */
function v6Groups(ip: string): number[] | null {
  let s = ip.replace(/%.*$/, '').toLowerCase();
  const tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4?.[1]) {
    const o = v4Octets(v4[1]);
    if (!o) return null;
    tail.push((o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!);
    s = s.slice(0, -v4[1].length);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const read = (h: string | undefined): number[] | null => {
    if (!h) return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = read(halves[0]);
  const rest = halves.length === 2 ? read(halves[1]) : [];
  if (!head || !rest) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 2 ? known > 7 : known !== 8) return null;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest, ...tail];
}

function classifyV6(g: readonly number[]): AddressClass {
  const key = g.map((x) => x.toString(16)).join(':');
  if (METADATA.has(key)) return 'metadata';
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = (hi: number, lo: number): AddressClass =>
    classifyV4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) {
    if (g4 === 0 && g5 === 0xffff) return embedded(g6, g7); // IPv4-mapped ::ffff:a.b.c.d
    if (g4 === 0xffff && g5 === 0) return embedded(g6, g7); // IPv4-translated ::ffff:0:a.b.c.d
    if (g4 === 0 && g5 === 0) {
      if (g6 === 0 && g7 === 0) return 'unspecified';
      if (g6 === 0 && g7 === 1) return 'loopback';
      return embedded(g6, g7); // IPv4-compatible ::a.b.c.d (deprecated)
    }
    return 'reserved';
  }
  if (g0 === 0x64 && g1 === 0xff9b) {
    // NAT64: the well-known prefix embeds an IPv4 address; the local-use one is private.
    return g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 ? embedded(g6, g7) : 'private';
  }
  if (g0 === 0x2002) return embedded(g1, g2); // 6to4 embeds the IPv4 address
  if (g0 === 0x2001 && g1 === 0xdb8) return 'reserved'; // documentation
  if (g0 === 0x2001 && g1 < 0x200) return 'reserved'; // IETF protocol assignments, Teredo
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local'; // fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if ((g0 & 0xe000) === 0x2000) return 'public'; // 2000::/3, global unicast
  return 'reserved';
}

/** What kind of address `ip` is; anything that is not an IP address is 'reserved'. */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) {
    const o = v4Octets(bare);
    return o ? classifyV4(o) : 'reserved';
  }
  const g = isIP(bare.replace(/%.*$/, '')) === 6 ? v6Groups(bare) : null;
  return g ? classifyV6(g) : 'reserved';
}

// --- hosts -------------------------------------------------------------------------------------

/**
 * Where requests may go. `hosts` are URL hosts as `URL.host` spells them (a port only when it
 * is not the scheme's default), or `*.domain` for any subdomain of `domain` on a default port;
 * `suffixes` are domains whose subdomains may be reached on any port (consent platforms).
 */
export interface HostScope {
  readonly hosts: readonly string[];
  readonly suffixes?: readonly string[];
}

/** The outlet's own hosts: its baseUrl's host and the hosts its config lists. */
export function outletScope(outlet: {
  baseUrl: string;
  hosts?: readonly string[] | undefined;
}): HostScope {
  return { hosts: [new URL(outlet.baseUrl).host, ...(outlet.hosts ?? [])] };
}

/** The scope widened by extra domains (any subdomain, any port): the consent platforms. */
export function withSuffixes(scope: HostScope, suffixes: readonly string[]): HostScope {
  return { hosts: scope.hosts, suffixes: [...(scope.suffixes ?? []), ...suffixes] };
}

/** Whether an http(s) or ws(s) URL is on a host of the scope. */
export function inScope(scope: HostScope, url: string | URL): boolean {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return false;
  return hostInScope(scope, u.hostname, u.port === '' ? null : Number(u.port));
}

/** `port` null: the scheme's default port. */
export function hostInScope(scope: HostScope, hostname: string, port: number | null): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  const host = port === null ? name : `${name}:${port}`;
  for (const entry of scope.hosts) {
    const e = entry.toLowerCase();
    if (e === host) return true;
    if (port === null && e.startsWith('*.') && name.endsWith(e.slice(1))) return true;
  }
  const bare = name.replace(/^\[|\]$/g, '');
  return (scope.suffixes ?? []).some((s) => bare === s || bare.endsWith(`.${s}`));
}

/** The error for a URL outside the outlet's scope; `from` is the URL that redirected there. */
export function offSiteError(url: string, from?: string): MwError {
  return new MwError(
    'MW_ERR_OFF_SITE',
    from
      ? `${from} redirects to ${url}, which is not a host of the outlet`
      : `${url} is not on a host of the outlet`,
  );
}

// --- the address rule --------------------------------------------------------------------------

export interface NetworkPolicyOptions {
  /** Host names or IP literals whose private addresses may be reached (settings `network`). */
  allowPrivateHosts: readonly string[];
}

/** Resolves a host to all its addresses (tests pass their own). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, order: 'verbatim' }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    );
  });

const bareHost = (hostname: string): string =>
  hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

export class AddressPolicy {
  private readonly allowed: Set<string>;
  private readonly resolver: Resolver;

  constructor(opts: NetworkPolicyOptions, resolver: Resolver = systemResolver) {
    this.allowed = new Set(opts.allowPrivateHosts.map(bareHost));
    this.resolver = resolver;
  }

  /** The error that refuses connecting to `address` for `hostname`, or null when it may. */
  refusal(hostname: string, address: string): MwError | null {
    const kind = classifyAddress(address);
    if (kind === 'public') return null;
    const host = bareHost(hostname);
    if (kind !== 'metadata' && this.allowed.has(host)) return null;
    const shown = host === bareHost(address) ? address : `${host} resolves to ${address}, which`;
    return new MwError(
      'MW_ERR_BLOCKED_ADDRESS',
      kind === 'metadata'
        ? `${shown} is a cloud metadata address; it is never fetched`
        : `${shown} is a ${kind} address, and settings network.allowPrivateHosts does not name ${host}`,
    );
  }

  /**
   * Every address of `hostname`, each one checked; throws MW_ERR_BLOCKED_ADDRESS if any is
   * refused. `localhost` and `*.localhost` are loopback without asking DNS (RFC 6761, as
   * Chromium does).
   */
  async resolve(hostname: string): Promise<LookupAddress[]> {
    const host = bareHost(hostname);
    let addresses: LookupAddress[];
    const family = isIP(host);
    if (family) addresses = [{ address: host, family }];
    else if (host === 'localhost' || host.endsWith('.localhost'))
      addresses = [{ address: '127.0.0.1', family: 4 }];
    else addresses = await this.resolver(host);
    for (const a of addresses) {
      const refused = this.refusal(host, a.address);
      if (refused) throw refused;
    }
    if (addresses.length === 0)
      throw Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' });
    return addresses;
  }

  /** A `net.connect` lookup that answers only checked addresses: the socket dials one of them. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname).then(
      (addresses) => {
        const fits = options.family
          ? addresses.filter((a) => a.family === options.family)
          : addresses;
        if (options.all) return callback(null, fits);
        const first = fits[0];
        if (!first) {
          const err = Object.assign(new Error(`no IPv${options.family} address for ${hostname}`), {
            code: 'ENOTFOUND',
          });
          return callback(err, '', 0);
        }
        callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

// The network scope's pure parts: which addresses are private, which hosts belong to an outlet,
// and the address rule's verdicts (a resolver of the test's own: no DNS, no I/O).
import { describe, expect, it } from 'vitest';
import {
  AddressPolicy,
  classifyAddress,
  hostInScope,
  inScope,
  outletScope,
  withSuffixes,
} from '../../../src/fetch/scope.js';
import { MwError } from '../../../src/errors.js';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
  ])('IPv4 %s is %s', (ip, kind) => expect(classifyAddress(ip)).toBe(kind));

  it.each([
    ['2001:4860:4860::8888', 'public'],
    ['2a00:1450:4007:80e::200e', 'public'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
  ])('IPv6 %s is %s', (ip, kind) => expect(classifyAddress(ip)).toBe(kind));

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'metadata'],
  ])('IPv4 inside IPv6: %s is %s', (ip, kind) => expect(classifyAddress(ip)).toBe(kind));

  it('calls anything that is not an address reserved', () => {
    for (const x of ['', 'example.com', '1.2.3', '256.1.1.1', '::ffff:1.2.3.999'])
      expect(classifyAddress(x), x).toBe('reserved');
  });
});

describe('host scope', () => {
  const scope = outletScope({
    baseUrl: 'https://www.lesoir.be/',
    hosts: ['img.lesoir.be', '*.rossel.be', '127.0.0.1:8080'],
  });

  it("holds the baseUrl's host and the listed hosts, by scheme's default port", () => {
    expect(inScope(scope, 'https://www.lesoir.be/a')).toBe(true);
    expect(inScope(scope, 'http://www.lesoir.be/a')).toBe(true);
    expect(inScope(scope, 'https://WWW.LESOIR.BE./a')).toBe(true);
    expect(inScope(scope, 'https://img.lesoir.be/x.jpg')).toBe(true);
    expect(inScope(scope, 'https://cdn.rossel.be/x')).toBe(true);
    expect(inScope(scope, 'http://127.0.0.1:8080/')).toBe(true);
  });

  it('refuses other hosts, other ports, look-alikes and other schemes', () => {
    expect(inScope(scope, 'https://www.lesoir.be:8443/a')).toBe(false);
    expect(inScope(scope, 'https://lesoir.be/a')).toBe(false);
    expect(inScope(scope, 'https://www.lesoir.be.evil.example/a')).toBe(false);
    expect(inScope(scope, 'https://evilrossel.be/')).toBe(false);
    expect(inScope(scope, 'https://rossel.be/')).toBe(false);
    expect(inScope(scope, 'http://127.0.0.1:6379/')).toBe(false);
    expect(inScope(scope, 'http://127.0.0.1/')).toBe(false);
    expect(inScope(scope, 'ftp://www.lesoir.be/a')).toBe(false);
    expect(inScope(scope, 'file:///etc/passwd')).toBe(false);
    expect(inScope(scope, 'not a url')).toBe(false);
  });

  it('takes WebSockets by the same hosts', () => {
    expect(inScope(scope, 'wss://www.lesoir.be/live')).toBe(true);
    expect(inScope(scope, 'ws://127.0.0.1:6379/')).toBe(false);
  });

  it('adds consent platforms as domains on any port', () => {
    const wide = withSuffixes(scope, ['privacy-mgmt.com']);
    expect(inScope(wide, 'https://cdn.privacy-mgmt.com/x')).toBe(true);
    expect(hostInScope(wide, 'privacy-mgmt.com', 8443)).toBe(true);
    expect(inScope(wide, 'https://notprivacy-mgmt.com/x')).toBe(false);
  });
});

describe('the address rule', () => {
  const fakeDns: Record<string, string[]> = {
    'public.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'rebind.example': ['93.184.216.34', '127.0.0.1'],
    'meta.example': ['169.254.169.254'],
    'lan.example': ['192.168.1.10'],
  };
  const policy = new AddressPolicy({ allowPrivateHosts: ['lan.example', '127.0.0.1'] }, (h) =>
    Promise.resolve(
      (fakeDns[h] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    ),
  );
  const code = async (host: string): Promise<string> => {
    try {
      await policy.resolve(host);
      return 'ok';
    } catch (err) {
      return err instanceof MwError ? err.code : String((err as { code?: string }).code);
    }
  };

  it('lets public addresses through', async () => {
    expect(await code('public.example')).toBe('ok');
  });

  it('refuses a host if any of its addresses is private', async () => {
    expect(await code('rebind.example')).toBe('MW_ERR_BLOCKED_ADDRESS');
  });

  it('allows private addresses of the hosts the settings name, never metadata', async () => {
    expect(await code('lan.example')).toBe('ok');
    expect(await code('127.0.0.1')).toBe('ok');
    expect(await code('meta.example')).toBe('MW_ERR_BLOCKED_ADDRESS');
    const open = new AddressPolicy({ allowPrivateHosts: ['169.254.169.254'] });
    expect(open.refusal('169.254.169.254', '169.254.169.254')?.code).toBe('MW_ERR_BLOCKED_ADDRESS');
  });

  it('matches the host as written: a name resolving to an allowed IP is still refused', async () => {
    expect(await code('localhost')).toBe('MW_ERR_BLOCKED_ADDRESS');
    expect(await code('tripwire.localhost')).toBe('MW_ERR_BLOCKED_ADDRESS');
    expect(await code('[::1]')).toBe('MW_ERR_BLOCKED_ADDRESS');
    expect(await code('::ffff:127.0.0.1')).toBe('MW_ERR_BLOCKED_ADDRESS');
  });

  it('answers net.connect with checked addresses only', async () => {
    const lookup = (host: string, all: boolean) =>
      new Promise<unknown>((resolve) =>
        policy.lookup(host, { all }, (err, address) => resolve(err ? err : address)),
      );
    expect(await lookup('public.example', false)).toBe('93.184.216.34');
    expect(await lookup('public.example', true)).toHaveLength(2);
    expect(await lookup('rebind.example', true)).toBeInstanceOf(MwError);
  });
});

// The browser's only way out: a loopback HTTP proxy per browser context that applies the
// network scope (./scope.ts) to every connection Chromium opens — documents and every redirect
// hop (which page routes never see), scripts, XHR, WebSockets (CONNECT), anything a worker
// does. The host rule is checked against the scope of the render in progress; the address rule
// where the socket is opened: the proxy resolves, checks every address and dials a checked one,
// so Chromium never resolves a name itself and no second DNS answer slips by.
//
// A refused plain-HTTP request answers 403 with the code in `x-mediawatch-refused`; a refused
// CONNECT answers 403; both are reported through `onRefused` so a render can fail with the code.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { MwError } from '../errors.js';
import { hostInScope, inScope, offSiteError, type AddressPolicy, type HostScope } from './scope.js';

export const REFUSED_HEADER = 'x-mediawatch-refused';

export interface ScopeProxy {
  /** `http://127.0.0.1:PORT`, for the context's `proxy.server`. */
  url: string;
  close(): Promise<void>;
}

export interface ScopeProxyOptions {
  policy: AddressPolicy;
  /** The scope of the render in progress; null between renders (everything is refused). */
  scope: () => HostScope | null;
  /** Hears every refusal: the URL (or host:port) and why. */
  onRefused?: (target: string, err: MwError) => void;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (!HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

/** `host:port` of a CONNECT line, IPv6 in brackets. */
function splitAuthority(authority: string): { hostname: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority);
  return m?.[1] && m[2] ? { hostname: m[1], port: Number(m[2]) } : null;
}

export async function startScopeProxy(opts: ScopeProxyOptions): Promise<ScopeProxy> {
  const { policy } = opts;
  const refused = (target: string, err: unknown): MwError | null => {
    if (!(err instanceof MwError)) return null;
    opts.onRefused?.(target, err);
    return err;
  };

  const server = createServer((req, res) => {
    const fail = (status: number, err: MwError | null, text: string): void => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(status, {
        'content-type': 'text/plain; charset=utf-8',
        ...(err ? { [REFUSED_HEADER]: err.code } : {}),
      });
      res.end(err ? `${err.code}: ${err.message}` : text);
    };
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return fail(400, null, 'not a proxy request');
    }
    const scope = opts.scope();
    if (target.protocol !== 'http:' || !scope || !inScope(scope, target)) {
      return fail(403, refused(target.href, offSiteError(target.href)), '');
    }
    policy.resolve(target.hostname).then(
      (addresses) => {
        const upstream = request({
          host: addresses[0]!.address,
          port: target.port === '' ? 80 : Number(target.port),
          method: req.method,
          path: target.pathname + target.search,
          headers: { ...endToEnd(req.headers), host: target.host },
          setHost: false,
        });
        upstream.on('response', (up) => {
          res.writeHead(up.statusCode ?? 502, up.statusMessage, endToEnd(up.headers));
          up.pipe(res);
          up.on('error', () => res.destroy());
        });
        upstream.on('error', () => fail(502, null, 'upstream failed'));
        res.on('close', () => upstream.destroy());
        req.pipe(upstream);
      },
      (err: unknown) => fail(err instanceof MwError ? 403 : 502, refused(target.href, err), ''),
    );
  });

  const tunnels = new Set<Socket>();
  const track = (sock: Socket): void => {
    tunnels.add(sock);
    sock.on('close', () => tunnels.delete(sock));
  };
  server.on('connect', (req, client: Socket, head) => {
    client.on('error', () => undefined);
    track(client);
    const deny = (err: MwError | null): void => {
      client.end(
        `HTTP/1.1 ${err ? '403 Forbidden' : '502 Bad Gateway'}\r\n` +
          (err ? `${REFUSED_HEADER}: ${err.code}\r\n` : '') +
          'content-length: 0\r\n\r\n',
      );
    };
    const authority = req.url ?? '';
    const parts = splitAuthority(authority);
    const scope = opts.scope();
    // A default port (443 for https/wss, 80 for ws) matches the hosts written without a port.
    const port = parts && (parts.port === 443 || parts.port === 80) ? null : (parts?.port ?? null);
    if (!parts || !scope || !hostInScope(scope, parts.hostname, port)) {
      return deny(refused(authority, offSiteError(authority)));
    }
    policy.resolve(parts.hostname).then(
      (addresses) => {
        const upstream = netConnect({ host: addresses[0]!.address, port: parts.port });
        track(upstream);
        upstream.on('connect', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          if (head.length > 0) upstream.write(head);
          upstream.pipe(client);
          client.pipe(upstream);
        });
        upstream.on('error', () => (client.writable ? deny(null) : client.destroy()));
        client.on('close', () => upstream.destroy());
      },
      (err: unknown) => deny(refused(authority, err)),
    );
  });

  // WebSockets go through CONNECT; an upgrade sent to the proxy itself is not one we serve.
  server.on('upgrade', (_req, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        for (const sock of tunnels) sock.destroy();
        server.close(() => resolve());
      }),
  };
}

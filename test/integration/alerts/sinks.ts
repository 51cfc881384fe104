// Local receivers for alert tests: a Slack-style webhook on loopback (port 0) whose answer the
// test chooses, and an SMTP sink (smtp-server on port 0) that keeps every message. No mocks:
// the alerter speaks real HTTP and real SMTP to them.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { serve } from '../../helpers/server.js';

export interface WebhookSink {
  url: string;
  /** Every POST body received, answered or not with 2xx. */
  requests: Array<{
    status: number;
    body: { text: string; blocks: Array<Record<string, unknown>> };
  }>;
  /** Bodies answered with 2xx (the alerts that went out). */
  delivered(): Array<{ text: string; blocks: Array<Record<string, unknown>> }>;
  /** HTTP status for the next requests (200 by default), and an optional Retry-After. */
  answer(status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export async function webhookSink(): Promise<WebhookSink> {
  let status = 200;
  let retryAfter: number | undefined;
  const requests: WebhookSink['requests'] = [];
  const server = await serve((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ status, body: JSON.parse(body) as WebhookSink['requests'][number]['body'] });
      res.writeHead(status, retryAfter ? { 'retry-after': String(retryAfter) } : {});
      res.end(status < 300 ? 'ok' : 'no');
    });
  });
  return {
    url: `${server.url}/hooks/T000/B000/secret-token`,
    requests,
    delivered: () => requests.filter((r) => r.status < 300).map((r) => r.body),
    answer(s, after) {
      status = s;
      retryAfter = after;
    },
    close: () => server.close(),
  };
}

export interface MailSink {
  host: string;
  port: number;
  /** Decoded text of every message accepted (headers and quoted-printable parts). */
  messages: Array<{ from: string; to: string[]; raw: string; text: string; user: string | null }>;
  close(): Promise<void>;
}

/** Undoes quoted-printable soft breaks and =XX escapes (enough to find URLs and titles). */
function decodeQp(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export async function mailSink(opts: { password?: string } = {}): Promise<MailSink> {
  const messages: MailSink['messages'] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: opts.password ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.password,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.password === opts.password) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: decodeQp(raw),
          user: typeof session.user === 'string' ? session.user : null,
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Article URLs linked from a Slack message's blocks. */
export function slackUrls(body: { blocks: Array<Record<string, unknown>> }): string[] {
  return [...JSON.stringify(body.blocks).matchAll(/<(https?:[^|>]+)\|/g)].map((m) => m[1] ?? '');
}

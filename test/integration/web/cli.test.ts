// The web app's commands as an operator runs them: `user add | list | password | remove`
// (passwords from stdin or generated), `serve` (a real server a user signs in to, whose
// sessions end when the password changes), and `demo --serve` (the demo's data behind a
// printed login).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, waitForOutput, type CliProcess } from '../../helpers/cli.js';
import { writeConfigDir } from '../../helpers/config-dir.js';
import { tmpDir } from '../../helpers/tmp.js';
import { describeWithChromium } from '../../helpers/chromium.js';

const tmp = tmpDir('mw-web-cli-');
const running: CliProcess[] = [];
afterAll(async () => {
  for (const c of running) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  tmp.cleanup();
});

const dir = writeConfigDir(join(tmp.dir, 'config'), {
  settings: {
    redis: { prefix: `mw-test-${randomUUID().slice(0, 8)}` },
    database: { url: join(tmp.dir, 'mw.db') },
  },
  outlets: [
    {
      id: 'nowhere',
      name: 'Nowhere',
      baseUrl: 'http://127.0.0.1:9/',
      languages: ['fr'],
      discovery: { sitemaps: ['/sitemap.xml'] },
    },
  ],
});

async function cli(args: string[], input?: string): Promise<{ code: number | null; out: string }> {
  const c = spawnCli(['--config', dir, ...args], {}, input);
  const code = await c.exit;
  return { code, out: c.output() };
}

async function signIn(url: string, email: string, password: string): Promise<string | null> {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
    redirect: 'manual',
  });
  if (res.status !== 303) return null;
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
}

const home = (url: string, cookie: string) =>
  fetch(`${url}/`, { headers: { cookie }, redirect: 'manual' });

describe('mediawatch user and serve', () => {
  it('adds, lists, changes and removes users; serve lets them sign in', async () => {
    const added = await cli(
      ['user', 'add', 'Ana@Example.test', '--role', 'admin'],
      'first-password-1\n',
    );
    expect(added.code, added.out).toBe(0);
    expect(added.out).toContain('added ana@example.test (admin)');

    const again = await cli(['user', 'add', 'ana@example.test'], 'first-password-1\n');
    expect(again.code).toBe(1);
    expect(again.out).toContain('MW_ERR_USER_EXISTS');

    const short = await cli(['user', 'add', 'bob@example.test'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.out).toContain('at least 10 characters');

    const generated = await cli([
      'user',
      'add',
      'vic@example.test',
      '--role',
      'viewer',
      '--generate',
    ]);
    expect(generated.code, generated.out).toBe(0);
    const password = /password: (\S+)/.exec(generated.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    const list = await cli(['user', 'list']);
    expect(list.out).toMatch(/ana@example\.test\s+admin/);
    expect(list.out).toMatch(/vic@example\.test\s+viewer/);
    expect(list.out).not.toContain('bob@example.test');

    const serve = spawnCli(['--config', dir, 'serve', '--port', '0']);
    running.push(serve);
    await waitForOutput(serve, 'mediawatch web app: http://');
    const url = /mediawatch web app: (http:\/\/\S+)/.exec(serve.output())![1]!;
    expect(await signIn(url, 'vic@example.test', 'not the password')).toBeNull();
    const cookie = await signIn(url, 'vic@example.test', password!);
    expect(cookie).toMatch(/^mw_session=/);
    const page = await home(url, cookie!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('vic@example.test');

    // A new password ends the user's sessions at once.
    const changed = await cli(['user', 'password', 'vic@example.test'], 'second-password-2\n');
    expect(changed.code, changed.out).toBe(0);
    expect((await home(url, cookie!)).status).toBe(303);
    expect(await signIn(url, 'vic@example.test', password!)).toBeNull();
    const cookie2 = await signIn(url, 'vic@example.test', 'second-password-2');
    expect(cookie2).not.toBeNull();

    const removed = await cli(['user', 'remove', 'vic@example.test']);
    expect(removed.code).toBe(0);
    expect((await home(url, cookie2!)).status).toBe(303);
    const gone = await cli(['user', 'remove', 'vic@example.test']);
    expect(gone.code).toBe(1);
    expect(gone.out).toContain('MW_ERR_USER_NOT_FOUND');

    serve.proc.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
  }, 120_000);

  it('serve refuses a port that is taken, naming it', async () => {
    const first = spawnCli(['--config', dir, 'serve', '--port', '0']);
    running.push(first);
    await waitForOutput(first, 'mediawatch web app: http://');
    const port = /:(\d+)\s/.exec(first.output())![1]!;
    const second = await cli(['serve', '--port', port]);
    expect(second.code).toBe(1);
    expect(second.out).toContain(`MW_ERR_WEB_PORT: port ${port} on 127.0.0.1 is in use`);
    first.proc.kill('SIGTERM');
    await first.exit;
  }, 60_000);
});

describeWithChromium('mediawatch demo --serve', () => {
  it('crawls the simulator, then serves the demo data behind the login it prints', async () => {
    const demo = spawnCli(['demo', '--data', join(tmp.dir, 'demo'), '--serve', '--port', '0']);
    running.push(demo);
    await waitForOutput(demo, 'Ctrl-C stops it', 150_000);
    const m = /Web app: (http:\/\/\S+)\s+\(sign in as (\S+) with password (\S+);/.exec(
      demo.output(),
    );
    expect(m, demo.output()).not.toBeNull();
    const [, url, email, password] = m!;
    const cookie = await signIn(url!, email!, password!);
    expect(cookie).not.toBeNull();
    const dashboard = await fetch(`${url}/events/vilvoorde-2024`, { headers: { cookie: cookie! } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('Vilvoorde');
    demo.proc.kill('SIGINT');
    expect(await demo.exit).toBe(0);
    // It shut down in order: the demo's queues are gone from Redis.
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      expect(await redis.keys(`mw-demo-${demo.proc.pid}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }, 200_000);
});

// `mediawatch user add | list | remove | password`: the web app's accounts, kept in the
// database. A password is typed twice (hidden) on a terminal, read from standard input when
// it is not a terminal, or generated and printed once (--generate). Each change is audited
// with actor "cli".
import { Command, Option } from 'commander';
import { MwError } from '../../../src/errors.js';
import type { Role, Store } from '../../../src/store/index.js';
import { withStore } from '../../runtime.js';
import { loadFor } from '../context.js';

const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];

function checkEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) || e.length > 320)
    throw new MwError('MW_ERR_BAD_ARGUMENT', `"${email}" is not an e-mail address`);
  return e;
}

/** Reads one line from a terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let text = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new MwError('MW_ERR_BAD_ARGUMENT', 'cancelled'));
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

/** The new password: generated, typed twice on a terminal, or the first line of stdin. */
async function newPassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  const { generatePassword, passwordProblem } = await import('../../web/passwords.js');
  if (generate) return { password: generatePassword(), generated: true };
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('Password: ');
    const again = await askHidden('Password again: ');
    if (again !== password)
      throw new MwError('MW_ERR_BAD_ARGUMENT', 'the two passwords differ: nothing was changed');
  } else password = await readStdin();
  const problem = passwordProblem(password);
  if (problem) throw new MwError('MW_ERR_BAD_ARGUMENT', `${problem}: nothing was changed`);
  return { password, generated: false };
}

const audit = (store: Store, action: string, email: string, detail: unknown) =>
  store.audit({
    at: new Date().toISOString(),
    userId: null,
    actor: 'cli',
    action,
    target: `user:${email}`,
    detail,
  });

export function userCommand(): Command {
  const user = new Command('user').description(
    "the web app's users: admin (users, crawls), analyst (review, events), viewer (read only)",
  );
  user.addCommand(
    new Command('add')
      .description('add a user; the password is typed twice, read from stdin, or generated')
      .argument('<email>', 'the sign-in e-mail')
      .addOption(
        new Option('--role <role>', 'admin, analyst or viewer').choices(ROLES).default('analyst'),
      )
      .option('--generate', 'generate a password and print it once')
      .action(async (email: string, opts: { role: Role; generate?: boolean }, cmd: Command) => {
        const e = checkEmail(email);
        const config = loadFor(cmd);
        const { hashPassword } = await import('../../web/passwords.js');
        const { password, generated } = await newPassword(opts.generate === true);
        const passwordHash = await hashPassword(password);
        await withStore(config, async (store) => {
          await store.addUser({ email: e, role: opts.role, passwordHash });
          await audit(store, 'user.add', e, { role: opts.role });
        });
        process.stdout.write(`added ${e} (${opts.role})\n`);
        if (generated) process.stdout.write(`password: ${password}\n(shown once: keep it now)\n`);
      }),
  );
  user.addCommand(
    new Command('list')
      .description('list the users and their roles')
      .action(async (_o, cmd: Command) => {
        const config = loadFor(cmd);
        const users = await withStore(config, (store) => store.users());
        if (users.length === 0) {
          process.stdout.write('no users: add one with `mediawatch user add EMAIL --role admin`\n');
          return;
        }
        const w = Math.max(5, ...users.map((u) => u.email.length));
        process.stdout.write(`${'email'.padEnd(w)}  role     last sign-in\n`);
        for (const u of users)
          process.stdout.write(
            `${u.email.padEnd(w)}  ${u.role.padEnd(7)}  ${u.lastLoginAt ?? 'never'}${u.lockedUntil ? `  (locked until ${u.lockedUntil})` : ''}\n`,
          );
      }),
  );
  user.addCommand(
    new Command('remove')
      .description('remove a user; their sessions end at once')
      .argument('<email>')
      .action(async (email: string, _o: unknown, cmd: Command) => {
        const e = checkEmail(email);
        const config = loadFor(cmd);
        await withStore(config, async (store) => {
          if (!(await store.removeUser(e)))
            throw new MwError('MW_ERR_USER_NOT_FOUND', `no user has the e-mail ${e}`);
          await audit(store, 'user.remove', e, {});
        });
        process.stdout.write(`removed ${e}\n`);
      }),
  );
  user.addCommand(
    new Command('password')
      .description(
        "set a user's password (typed twice, from stdin, or --generate); their sessions end",
      )
      .argument('<email>')
      .option('--generate', 'generate a password and print it once')
      .action(async (email: string, opts: { generate?: boolean }, cmd: Command) => {
        const e = checkEmail(email);
        const config = loadFor(cmd);
        const { hashPassword } = await import('../../web/passwords.js');
        await withStore(config, async (store) => {
          if (!(await store.userForLogin(e)))
            throw new MwError('MW_ERR_USER_NOT_FOUND', `no user has the e-mail ${e}`);
          const { password, generated } = await newPassword(opts.generate === true);
          if (!(await store.setPassword({ email: e, passwordHash: await hashPassword(password) })))
            throw new MwError('MW_ERR_USER_NOT_FOUND', `no user has the e-mail ${e}`);
          await audit(store, 'user.password', e, {});
          process.stdout.write(`password changed for ${e}; their sessions are ended\n`);
          if (generated) process.stdout.write(`password: ${password}\n(shown once: keep it now)\n`);
        });
      }),
  );
  return user;
}

// Sends an alert e-mail over SMTP with nodemailer: one connection per message (alerts are
// rare), STARTTLS when the server offers it unless `secure` asks for TLS from the start. The
// password is handed to nodemailer only; nodemailer's own logger stays off.
import { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../config/schema.js';
import { MwError } from '../errors.js';
import type { EmailMessage } from './message.js';

export async function sendEmail(
  smtp: SmtpSettings,
  envelope: { from: string; to: readonly string[] },
  message: EmailMessage,
): Promise<void> {
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user && smtp.pass ? { auth: { user: smtp.user, pass: smtp.pass } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({
      from: envelope.from,
      to: [...envelope.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new MwError(
      'MW_ERR_ALERT_EMAIL',
      `sending the alert e-mail via ${smtp.host}:${smtp.port} failed (${detail}); retried later`,
      { cause: err },
    );
  } finally {
    transport.close();
  }
}

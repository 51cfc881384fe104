// What went wrong with one entry point, said briefly for the check's table and in full for
// --json: the stable code, a short reason ("HTML where XML was expected", "HTTP 403") and the
// HTTP status when there was one.
import { errorCode, errorReason } from '../errors.js';

export interface CheckError {
  code: string;
  /** A few words for the table. */
  reason: string;
  /** The error's full one-line reason ("MW_ERR_NOT_XML: …", see errorReason). */
  message: string;
  status: number | null;
}

export function describeError(err: unknown): CheckError {
  const code = errorCode(err);
  const message = errorReason(err);
  const status = /\bHTTP (\d{3})\b/.exec(message)?.[1];
  return {
    code,
    reason: shortReason(code, message, status),
    message,
    status: status === undefined ? null : Number(status),
  };
}

function shortReason(code: string, message: string, status: string | undefined): string {
  if (code === 'MW_ERR_NOT_XML') {
    if (/HTML page/.test(message)) return 'HTML where XML was expected';
    if (/sitemap index/.test(message)) return 'a sitemap index where a feed was expected';
    return /unknown XML root <[^>]+>/.exec(message)?.[0] ?? 'not XML';
  }
  if (status !== undefined) return `HTTP ${status}`;
  if (code === 'MW_ERR_NETWORK') return message.includes('timed out') ? 'timed out' : 'no answer';
  // The message without the code prefix and without the URL it names.
  return message
    .replace(/^MW_[A-Z_]+: /, '')
    .replace(/https?:\/\/\S+/g, '…')
    .slice(0, 80);
}

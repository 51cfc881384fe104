// Checks on single words and phrases that need the tokenizer: a term must hold a letter or a
// digit, a wildcard at least three literal characters before `*`, a phrase at least one word.
import { isWildcard } from './ast.js';
import { QuerySyntaxError } from './errors.js';
import { tokenize } from './tokenize.js';
import { literalsBeforeStar, wildcardPattern } from './wildcard.js';

export function checkTermText(text: string, col: number): void {
  if (isWildcard(text)) {
    const { pattern } = wildcardPattern(text, false);
    if (literalsBeforeStar(pattern) < 3) {
      throw new QuerySyntaxError(
        `wildcard "${text}" at column ${col} has fewer than three letters before "*"`,
        col,
        'at least three letters before "*"',
      );
    }
    if (pattern.replace(/[*?]/g, '') === '') {
      throw new QuerySyntaxError(
        `wildcard "${text}" at column ${col} holds no letter or digit`,
        col,
        'a term with at least one letter or digit',
      );
    }
    return;
  }
  if (tokenize(text, { joined: false }).norm.length === 0) {
    throw new QuerySyntaxError(
      `"${text}" at column ${col} holds no letter or digit`,
      col,
      'a term with at least one letter or digit',
    );
  }
}

export function checkPhraseText(text: string, col: number): void {
  if (tokenize(text, { joined: false }).norm.length === 0) {
    throw new QuerySyntaxError(
      `empty phrase at column ${col}`,
      col,
      'at least one word between the quotes',
    );
  }
}

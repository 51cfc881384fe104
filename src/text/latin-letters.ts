// Letters that Unicode NFKD leaves alone but a reader takes for plain Latin letters, for
// accent-insensitive folding. Shared by the matcher (src/match/normalize.ts) and the
// summariser (src/summarize/text-fold.ts) so that both fold text the same way.
export const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

export const LATIN_SPECIAL_RE = /[ßẞæÆœŒøØđĐłŁþÞı]/gu;

// Letters that Unicode NFKD leaves alone but a reader takes for plain Latin letters, for
// accent-insensitive folding: foldAccents in src/text/fold.ts and the variants built on it.
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

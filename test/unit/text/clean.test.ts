import { describe, expect, it } from 'vitest';
import { CUT_MARK, cutText, stripBidi, stripControls } from '../../../src/text/clean.js';
import { looksLikeMojibake, repairMojibake } from '../../../src/text/mojibake.js';

describe('stripControls', () => {
  it('removes NUL, C0 (but \\t and \\n), DEL, C1 and bidi controls', () => {
    expect(stripControls('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe('abcdefg');
    expect(stripControls('line\tone\nline two\r\nthree\rfour')).toBe(
      'line\tone\nline two\nthree\nfour',
    );
    expect(stripControls('invoice\u202Efdp.exe \u2066x\u2069 \u202Ay\u202C')).toBe(
      'invoicefdp.exe x y',
    );
    // Marks (U+200E/U+200F) and ordinary text stay; nothing to do leaves the same string.
    const arabic = 'مرحبا \u200Fworld\u200E été – “ok”';
    expect(stripControls(arabic)).toBe(arabic);
    expect(stripBidi('a\u202Eb\u2067c\u0000')).toBe('abc\u0000');
  });
});

describe('cutText', () => {
  it('cuts at white space near the limit, with a mark, never over the limit', () => {
    const s = 'word '.repeat(300);
    const cut = cutText(s, 1000);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut.endsWith(`word${CUT_MARK}`)).toBe(true);
    expect(cutText('short', 1000)).toBe('short');
    // One long token: cut hard, never inside a surrogate pair.
    const emoji = '😀'.repeat(600);
    const hard = cutText(emoji, 1000);
    expect(hard.length).toBeLessThanOrEqual(1000);
    expect(hard.slice(0, -1)).toBe('😀'.repeat((hard.length - 1) / 2));
  });
});

describe('mojibake', () => {
  it('repairs UTF-8 read as windows-1252 when the repair is unambiguous', () => {
    expect(repairMojibake('lâ€™Ã©glise Ã  Bruxelles, Ã©tÃ©, coÃ¶peratie, 10Â â‚¬')).toEqual({
      text: 'l’église à Bruxelles, été, coöperatie, 10 €',
      verdict: 'repaired',
    });
    // Encoded twice.
    expect(repairMojibake('ÃƒÂ©tÃƒÂ©').text).toBe('été');
    // The C1 character a WHATWG decoder leaves for byte 0x9D (” is E2 80 9D).
    expect(repairMojibake('â€œjaâ€\u009d zei hij').text).toBe('“ja” zei hij');
  });

  it('flags what cannot be repaired unambiguously', () => {
    // ” lost its last byte on the way: "â€" then a space.
    const lost = repairMojibake('Il a dit â€œouiâ€ puis Ã©tÃ©');
    expect(lost.verdict).toBe('suspect');
    expect(lost.text).toBe('Il a dit “ouiâ€ puis été');
    expect(repairMojibake('Il a dit â€ bonjour').verdict).toBe('suspect');
  });

  it('leaves correct text alone, capitals before punctuation included', () => {
    for (const s of ['été, à Bruxelles – “oui”…', 'CAFÉ… “CAFÉ” «DÉJÀ»', 'SÃO PAULO', 'Ä… Å’']) {
      expect(looksLikeMojibake(s)).toBe(false);
      expect(repairMojibake(s)).toEqual({ text: s, verdict: 'none' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { detectLanguage, toLang } from '../../../src/extract/language.js';

const FR =
  "Le conseil communal a adopté le budget de la ville après un long débat sur les écoles et les routes, mais l'opposition a voté contre.";
const NL =
  'De gemeenteraad heeft de begroting van de stad goedgekeurd na een lang debat over de scholen en de wegen, maar de oppositie stemde tegen.';
const EN =
  'The city council approved the budget after a long debate about the schools and the roads, but the opposition voted against it.';
const DE =
  'Der Stadtrat hat den Haushalt nach einer langen Debatte über die Schulen und die Straßen genehmigt, aber die Opposition war dagegen.';

describe('language detection', () => {
  it.each([
    [FR, 'fr'],
    [NL, 'nl'],
    [EN, 'en'],
    [DE, 'de'],
  ] as const)('detects %#', (text, lang) => {
    expect(detectLanguage({ text: text.repeat(2), htmlLang: null })).toBe(lang);
  });

  it('lets the text overrule a site-wide <html lang> when it clearly disagrees', () => {
    expect(detectLanguage({ text: NL.repeat(3), htmlLang: 'fr-BE' })).toBe('nl');
  });

  it('follows <html lang> when the text is too short to say', () => {
    expect(detectLanguage({ text: 'Vilvoorde 2024', htmlLang: 'nl-BE' })).toBe('nl');
    expect(detectLanguage({ text: '', htmlLang: 'fr' })).toBe('fr');
    expect(detectLanguage({ text: '', htmlLang: 'es' })).toBeNull();
  });

  it("chooses among the outlet's languages only", () => {
    expect(detectLanguage({ text: EN.repeat(2), htmlLang: null, allowed: ['fr', 'nl'] })).not.toBe(
      'en',
    );
    expect(detectLanguage({ text: NL.repeat(2), htmlLang: 'en', allowed: ['fr', 'nl'] })).toBe(
      'nl',
    );
    expect(detectLanguage({ text: EN, htmlLang: null, allowed: ['fr'] })).toBe('fr');
  });

  describe('text in a language mediawatch does not read', () => {
    const KO =
      '시의회는 학교와 도로에 관한 긴 토론 끝에 시의 예산안을 통과시켰지만 야당은 반대표를 던졌다.';
    const JA =
      '市議会は学校と道路についての長い議論の末に市の予算案を可決したが、野党は反対票を投じた。';
    const ZH = '市议会在就学校和道路问题进行长时间辩论后通过了市预算，但反对派投了反对票。';
    const AR =
      'وافق المجلس البلدي على ميزانية المدينة بعد نقاش طويل حول المدارس والطرق، لكن المعارضة صوتت ضدها.';
    const RU =
      'Городской совет утвердил бюджет после долгих дебатов о школах и дорогах, но оппозиция проголосовала против.';

    it.each([
      ['ko', KO],
      ['ja', JA],
      ['zh', ZH],
      ['ar', AR],
      ['ru', RU],
    ])("%s is other (null), never the outlet's language", (_code, text) => {
      expect(detectLanguage({ text, htmlLang: null })).toBeNull();
      expect(detectLanguage({ text, htmlLang: null, allowed: ['fr'] })).toBeNull();
      expect(detectLanguage({ text, htmlLang: 'fr-BE', allowed: ['fr', 'nl'] })).toBeNull();
      // A few Latin words (names, brands) do not make it one of ours.
      expect(
        detectLanguage({ text: `${text} Samsung Galaxy, BTS, the UN`, htmlLang: null }),
      ).toBeNull();
    });

    it('takes a declared other language unless the text reads as one of ours', () => {
      expect(detectLanguage({ text: 'Seoul 2024', htmlLang: 'ko', allowed: ['fr'] })).toBeNull();
      expect(detectLanguage({ text: FR.repeat(2), htmlLang: 'ko', allowed: ['fr'] })).toBe('fr');
    });

    it('keeps our language for our text quoting another script', () => {
      expect(detectLanguage({ text: `${FR} « 市議会 »`, htmlLang: null })).toBe('fr');
    });
  });

  it('reads language tags', () => {
    expect(toLang('fr-BE')).toBe('fr');
    expect(toLang('nl_be')).toBe('nl');
    expect(toLang('pt-BR')).toBeNull();
  });
});

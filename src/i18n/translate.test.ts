import { createTranslator, interpolate, languageForLocale } from './translate';

describe('languageForLocale', () => {
  it.each([
    ['de', 'de'],
    ['de-DE', 'de'],
    ['de-at', 'de'],
    ['de_CH', 'de'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['dez', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%p → %p', (locale, language) => {
    expect(languageForLocale(locale)).toBe(language);
  });
});

describe('createTranslator', () => {
  it('translates nested keys per language', () => {
    expect(createTranslator('de')('evidence.columns.title')).toBe('Titel');
    expect(createTranslator('en')('evidence.columns.title')).toBe('Title');
  });

  it('fills placeholders', () => {
    expect(createTranslator('en')('error.requestId', { requestId: 'abc-123' })).toBe('Request ID: abc-123');
    expect(createTranslator('de')('demoUser.option', { name: 'Katrin Berger', jobTitle: 'Geschäftsführerin' })).toBe(
      'Katrin Berger (Geschäftsführerin)',
    );
  });
});

describe('interpolate', () => {
  it('keeps a placeholder without value visible', () => {
    expect(interpolate('Hallo {name}, {missing}', { name: 'Jonas' })).toBe('Hallo Jonas, {missing}');
  });

  it('does not treat inherited properties as values', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});

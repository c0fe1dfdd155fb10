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

describe('message values', () => {
  const signed = { day: { year: 2025, month: 11, day: 7 } };

  it('writes a day the reader’s way', () => {
    expect(createTranslator('de')('alarms.policyOutdated.message', { months: 12, signed })).toBe('Die Leitlinie ist älter als 12 Monate (unterschrieben am 07.11.2025).');
    expect(createTranslator('en')('alarms.policyOutdated.message', { months: 12, signed })).toBe('The policy is older than 12 months (signed on 7 Nov 2025).');
  });

  it('translates nested messages in the same language, a list as one sentence', () => {
    const flags = [{ key: 'signature.flags.changedAfterSignature' }, { key: 'signature.flags.signerWithoutRole' }];
    expect(createTranslator('en')('alarms.integrity.minutesChanged', { day: signed, flags })).toBe(
      'The signed minutes of the management review of 7 Nov 2025 no longer hold: Changed after signature: the stored content no longer matches what was signed. Signed by someone outside top management: it does not count.',
    );
    expect(createTranslator('de')('alarms.withFix', { message: { key: 'alarms.isbLeft.message', values: { name: 'Jonas' } }, fix: { key: 'alarms.isbLeft.fix' } })).toBe(
      'Jonas ist als ISB ernannt, aber nicht mehr im Unternehmen. Nachfolge ernennen und die alte Ernennung widerrufen.',
    );
  });
});

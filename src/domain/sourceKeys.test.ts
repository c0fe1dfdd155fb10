import {
  SOURCE_KEY_MAX_LENGTH,
  eventSourceKey,
  mailSourceKey,
  manualSourceKey,
  meetingSourceKey,
  sourceKeyKind,
  uploadSourceKey,
} from './sourceKeys';

describe('source keys', () => {
  it('gives a mail the same key with or without angle brackets, so a sweep finds a captured mail', () => {
    const key = mailSourceKey('<AM0PR01MB1234.5678@EURPRD01.prod.outlook.com>');
    expect(key).toBe('mail:<AM0PR01MB1234.5678@EURPRD01.prod.outlook.com>');
    expect(mailSourceKey('  AM0PR01MB1234.5678@EURPRD01.prod.outlook.com ')).toBe(key);
  });

  it('keeps the case of a Message-ID (it is case-sensitive)', () => {
    expect(mailSourceKey('<ABC@x>')).not.toBe(mailSourceKey('<abc@x>'));
  });

  it('keys a meeting occurrence by its start in UTC, whatever offset the start was given in', () => {
    const a = meetingSourceKey('MSpkYzE3Njc0', '2026-03-12T10:00:00+01:00');
    const b = meetingSourceKey('MSpkYzE3Njc0', new Date('2026-03-12T09:00:00.000Z'));
    expect(a).toBe('meeting:MSpkYzE3Njc0@2026-03-12T09:00:00Z');
    expect(b).toBe(a);
    expect(meetingSourceKey('MSpkYzE3Njc0', '2026-06-12T10:00:00+02:00')).not.toBe(a);
  });

  it('keys series occurrences and single events', () => {
    expect(eventSourceKey('AAMkAGI2', '2026-04-01T08:00:00Z')).toBe('event:AAMkAGI2@2026-04-01T08:00:00Z');
    expect(eventSourceKey('AAMkAGI2')).toBe('event:AAMkAGI2');
  });

  it('keys uploads and manual entries', () => {
    expect(uploadSourceKey('3f2a')).toBe('upload:3f2a');
    expect(manualSourceKey('m-1')).toBe('manual:m-1');
  });

  it('replaces an over-long id by its SHA-256, deterministically and within the column limit', () => {
    const longId = `<${'x'.repeat(400)}@mustergmbh.onmicrosoft.com>`;
    const key = mailSourceKey(longId);
    expect(key).toMatch(/^mail#sha256:[0-9a-f]{64}$/);
    expect(key.length).toBeLessThanOrEqual(SOURCE_KEY_MAX_LENGTH);
    expect(mailSourceKey(longId)).toBe(key);
    expect(sourceKeyKind(key)).toBe('mail');
    const meeting = meetingSourceKey('m'.repeat(300), '2026-03-12T09:00:00Z');
    expect(meeting).toMatch(/^meeting#sha256:[0-9a-f]{64}@2026-03-12T09:00:00Z$/);
  });

  it('refuses empty ids and invalid occurrence starts with a clear message', () => {
    expect(() => mailSourceKey('  ')).toThrow('the internet message id is empty');
    expect(() => meetingSourceKey('m1', 'yesterday')).toThrow('occurrence start "yesterday" is not a valid date');
    expect(() => uploadSourceKey('a b')).toThrow('contains whitespace');
  });

  it('tells which builder made a key', () => {
    expect(sourceKeyKind(uploadSourceKey('u1'))).toBe('upload');
    expect(sourceKeyKind('something else')).toBeNull();
    expect(sourceKeyKind('ftp:abc')).toBeNull();
  });
});

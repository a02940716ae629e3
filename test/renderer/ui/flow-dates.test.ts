import { expect, test } from 'vitest';
import { readDayMonthYear, readDayMonthYearTime, showDayMonthYear, showDayMonthYearTime } from '@renderer/ui/dates';

test('a date is read day, month, year, however it is written', () => {
  expect(readDayMonthYear('15/01/2027')).toBe('2027-01-15');
  expect(readDayMonthYear(' 5/1/2027 ')).toBe('2027-01-05');
  expect(readDayMonthYear('05.01.27')).toBe('2027-01-05');
  expect(readDayMonthYear('05-01-2027')).toBe('2027-01-05');
  expect(readDayMonthYear('5 January 2027')).toBe('2027-01-05');
  expect(readDayMonthYear('5 Sept 2027')).toBe('2027-09-05');
  expect(readDayMonthYear('2027-01-05')).toBe('2027-01-05');
  // 01/02 is the first of February, never the second of January.
  expect(readDayMonthYear('01/02/2027')).toBe('2027-02-01');
  expect(readDayMonthYear('')).toBe('');
  // What cannot be read comes back as typed, for the schema to explain.
  expect(readDayMonthYear('next Tuesday')).toBe('next Tuesday');
  expect(readDayMonthYear('5 Ja 2027')).toBe('5 Ja 2027');
});

test('a date and time is read and shown day, month, year and 24-hour time', () => {
  expect(readDayMonthYearTime('03/12/2026 10:00')).toBe('2026-12-03T10:00');
  expect(readDayMonthYearTime('3 December 2026 at 9.30')).toBe('2026-12-03T09:30');
  expect(readDayMonthYearTime('2026-12-03T10:00')).toBe('2026-12-03T10:00');
  expect(readDayMonthYearTime('03/12/2026')).toBe('03/12/2026');
  expect(showDayMonthYear('2027-01-15')).toBe('15/01/2027');
  expect(showDayMonthYear(null)).toBe('');
  expect(showDayMonthYearTime('2026-12-03T10:00')).toBe('03/12/2026 10:00');
});

import { describe, expect, it } from 'vitest';
import { minutesFormat, type MinutesContent } from '@shared/domain/minutes';
import { possibleChildNames } from '@core/minutes/child-names';

function contentWith(parts: Partial<MinutesContent>): MinutesContent {
  return {
    format: minutesFormat,
    formatVersion: 1,
    reviewId: 'r',
    version: 1,
    amends: null,
    title: 'Placement review: AB12',
    scope: 'placement',
    subject: {
      home: { name: 'Oakwood House', ofstedUrn: 'SC1' },
      childReference: 'AB12',
      commissioner: 'Northshire County Council',
      provider: 'Brightwater Care Ltd',
    },
    scheduledFor: '2026-12-03T10:00:00.000Z',
    place: '',
    present: [{ name: 'Priya Shah', role: '', organisation: '', side: 'provider' }],
    apologies: [],
    apologiesNote: '',
    purpose: '',
    affirmativeTopic: '',
    summary: '',
    mattersArising: [],
    checkin: null,
    stages: [],
    concerns: [],
    actions: [],
    nextReviewDate: null,
    ...parts,
  };
}

describe('words in the minutes that may be a child’s name', () => {
  it('finds capitalised forenames wherever the room or the editors wrote, and says where', () => {
    const found = possibleChildNames(
      contentWith({
        summary: 'AB12 and Jayden went to the match.',
        stages: [
          {
            stage: 'checkin',
            summary: '',
            cards: [],
            notes: [{ side: 'provider', kind: 'story', text: 'Staff said Olivia settled well.' }],
          },
        ],
        concerns: [{ text: 'Jayden missed contact.', side: 'provider', actions: [], noActionReason: 'Muhammad moved' }],
        actions: [{ text: 'Ask Freya about school', owner: '', dueDate: null }],
      }),
    );
    expect(found).toEqual([
      { word: 'Jayden', where: ['the summary', 'a concern'] },
      { word: 'Olivia', where: ['a note in Check-in'] },
      { word: 'Muhammad', where: ['a concern'] },
      { word: 'Freya', where: ['an action'] },
    ]);
  });

  it('looks in evidence’s sources and in both sides’ views of an agreed disagreement too', () => {
    const found = possibleChildNames(
      contentWith({
        formatVersion: 2,
        stages: [
          {
            stage: 'discover',
            summary: '',
            cards: [],
            notes: [{ side: 'provider', kind: 'evidence', text: 'Attendance is up.', source: 'Ruby’s school report' }],
          },
        ],
        disagreements: [
          {
            stage: 'design',
            subject: 'Weekend staffing',
            commissionerView: 'Enough for Leo’s needs.',
            providerView: 'Not when Ruby is at home.',
            card: null,
          },
        ],
      }),
    );
    expect(found).toEqual([
      { word: 'Ruby', where: ['the source of a note in Discover', 'the provider’s view in a disagreement'] },
      { word: 'Leo', where: ['the commissioner’s view in a disagreement'] },
    ]);
  });

  it('leaves out the adults the minutes name, lower-case words, and common words that start a sentence', () => {
    const found = possibleChildNames(
      contentWith({
        summary:
          'Priya thanked the staff. Will the new rota help? May brought the cake. We planted a lily and a rose. Brightwater staff came.',
      }),
      ['Sam Okoro'],
    );
    expect(found).toEqual([]);
    expect(possibleChildNames(contentWith({ summary: 'Sam and Will came.' }), ['Sam Okoro'])).toEqual([
      { word: 'Will', where: ['the summary'] },
    ]);
  });
});

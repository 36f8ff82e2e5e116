// The one set of review rules the app and the server share: every state change for every role,
// checked against the table of PROTOCOL.md, and the app's offered steps agree with what the server
// accepts.
import { describe, expect, it } from 'vitest';
import { NOTE_STATES, type NoteState } from '../../../src/shared/model';
import { ROLES } from '../../../src/shared/protocol';
import {
  availableActions,
  isNoteReadOnlyFor,
  mayChangeState,
  REVIEW_ACTIONS,
  REVIEWER_DECISIONS,
} from '../../../src/shared/reviewRules';

/** PROTOCOL.md, "Visit-note review rules": from>to → who. */
const TABLE: Record<string, 'member' | 'reviewer'> = {
  'brouillon>soumise': 'member',
  'a_revoir>soumise': 'member',
  'soumise>a_revoir': 'reviewer',
  'soumise>validee': 'reviewer',
  'validee>a_revoir': 'reviewer',
};

describe('review rules', () => {
  it('allow exactly the state changes of the protocol table, to the right roles', () => {
    for (const role of ROLES) {
      for (const from of NOTE_STATES) {
        for (const to of NOTE_STATES) {
          if (from === to) continue;
          const who = TABLE[`${from}>${to}`];
          const expected = who === 'member' || (who === 'reviewer' && role !== 'member');
          expect(mayChangeState(role, from, to), `${role} ${from}>${to}`).toBe(expected);
        }
      }
    }
  });

  it('offer on the device only steps the server accepts', () => {
    for (const role of ROLES) {
      for (const state of NOTE_STATES) {
        for (const action of availableActions(state, role)) {
          expect(mayChangeState(role, state, REVIEW_ACTIONS[action].to)).toBe(true);
        }
      }
    }
  });

  it('make a validated note read-only for members only, and leave reviewer decisions to reviewers', () => {
    const readOnly = (state: NoteState) => ROLES.filter((role) => isNoteReadOnlyFor(state, role));
    expect(readOnly('validee')).toEqual(['member']);
    for (const state of ['brouillon', 'soumise', 'a_revoir'] as const) expect(readOnly(state)).toEqual([]);
    expect(new Set(REVIEWER_DECISIONS)).toEqual(new Set(['a_revoir', 'validee']));
  });
});

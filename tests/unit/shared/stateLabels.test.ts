// One wording for a state, in the app and in the report.
import { describe, expect, it } from 'vitest';
import { actions } from '../../../src/app/i18n/fr/actions';
import { visits } from '../../../src/app/i18n/fr/visits';
import { reportLabels } from '../../../src/report/labels';

describe('state words', () => {
  it('are the same in the app and in the report: "Achevée", a réalisation being feminine', () => {
    expect(reportLabels.achievementStates).toEqual(visits.achievements.states);
    expect(reportLabels.achievementStates.acheve).toBe('Achevée');
    expect(reportLabels.noteStates).toEqual(visits.state);
    expect(reportLabels.actionStatuses).toEqual(actions.statuses);
  });
});

import { describe, expect, it } from 'vitest';
import { isOverdue, newAction, ownerLabel, ownerValue, statusLabel, todayIso } from './actions';

const stakeholders = [
  { id: 'cdo', title: 'Chief Data Officer' },
  { id: 'ciso', title: 'CISO' },
];

describe('the improvement plan in the window', () => {
  it('marks an open or in-progress action due yesterday as overdue, and nothing due today or later', () => {
    const today = '2026-03-10';
    expect(isOverdue({ due: '2026-03-09', status: 'open' }, today), 'a day late and still open').toBe(true);
    expect(isOverdue({ due: '2026-03-09', status: 'in_progress' }, today), 'started is not finished').toBe(true);
    expect(isOverdue({ due: '2026-03-10', status: 'open' }, today), 'due today is not yet late').toBe(false);
    expect(isOverdue({ due: '2026-04-01', status: 'open' }, today)).toBe(false);
    expect(isOverdue({ due: null, status: 'open' }, today), 'no due date, nothing to be late for').toBe(false);
  });

  it('never calls a done or dropped action overdue, however old its due date', () => {
    expect(isOverdue({ due: '2020-01-01', status: 'done' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ due: '2020-01-01', status: 'dropped' }, '2026-03-10')).toBe(false);
  });

  it('compares across month and year ends as calendar dates', () => {
    expect(isOverdue({ due: '2025-12-31', status: 'open' }, '2026-01-01')).toBe(true);
    expect(isOverdue({ due: '2026-02-28', status: 'open' }, '2026-10-01')).toBe(true);
  });

  it('writes today in local time as YYYY-MM-DD, zero-padded', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('stores a picked stakeholder by its node id and shows it by its title', () => {
    expect(ownerValue('Chief Data Officer', stakeholders)).toBe('cdo');
    expect(ownerValue('  ciso ', stakeholders), 'a title typed in another case is still that role').toBe('ciso');
    expect(ownerLabel('cdo', stakeholders)).toBe('Chief Data Officer');
  });

  it('keeps a free name as typed, trimmed, and an empty owner as none', () => {
    expect(ownerValue('  Dana Whitfield ', stakeholders)).toBe('Dana Whitfield');
    expect(ownerLabel('Dana Whitfield', stakeholders)).toBe('Dana Whitfield');
    expect(ownerValue('   ', stakeholders)).toBeNull();
    expect(ownerLabel(null, stakeholders)).toBe('');
  });

  it('starts a new action open, untitled parts empty, with no id until the store gives one', () => {
    expect(newAction('  Train the data team ')).toEqual({
      id: '',
      title: 'Train the data team',
      owner: null,
      due: null,
      status: 'open',
      note: '',
    });
  });

  it('says statuses in words', () => {
    expect(statusLabel('in_progress')).toBe('In progress');
    expect(statusLabel('done')).toBe('Done');
  });
});

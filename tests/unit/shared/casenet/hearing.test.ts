import { describe, expect, it } from 'vitest';
import { daysUntil, hearingDate, reminderDue } from '../../../../shared/casenet/hearing';

describe('hearing reminders', () => {
  it('reads the date that leads a "Scheduled For" line', () => {
    expect(hearingDate('04/10/2015; 1:30 PM ; JUDGE; Boone')).toBe('2015-04-10');
    expect(hearingDate('To be set')).toBeNull();
  });

  it('counts calendar days, across month ends and DST changes', () => {
    expect(daysUntil('2026-10-31', '2026-11-02')).toBe(2);
    expect(daysUntil('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysUntil('2026-11-25', '2026-11-24')).toBe(-1);
  });

  it('picks the nearest reminder still ahead, so a hearing learned of late gets one', () => {
    expect(reminderDue(10, [10, 2])).toBe(10);
    expect(reminderDue(7, [10, 2])).toBe(10);
    expect(reminderDue(2, [10, 2])).toBe(2);
    expect(reminderDue(1, [10, 2])).toBe(2);
    expect(reminderDue(0, [10, 2])).toBe(2);
    expect(reminderDue(11, [10, 2])).toBeNull();
    expect(reminderDue(-1, [10, 2])).toBeNull();
    expect(reminderDue(1, [])).toBeNull();
  });
});

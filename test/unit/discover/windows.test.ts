import { describe, expect, it } from 'vitest';
import { eventWindow, inWindow } from '../../../src/config/windows.js';

describe('eventWindow', () => {
  it('runs from 00:00 on the first day to 24:00 on the last, Brussels time (winter)', () => {
    const w = eventWindow({ window: { from: '2024-01-03', to: '2024-01-12' } });
    expect(inWindow('2024-01-03T00:00:00+01:00', w)).toBe(true);
    expect(inWindow('2024-01-02T23:59:59+01:00', w)).toBe(false);
    expect(inWindow('2024-01-12T23:59:59+01:00', w)).toBe(true);
    expect(inWindow('2024-01-13T00:00:00+01:00', w)).toBe(false);
    expect(inWindow('2024-01-12T23:30:00Z', w)).toBe(false); // 00:30 on the 13th in Brussels
  });

  it('uses the summer offset in summer, and keeps undated articles and open windows in', () => {
    const w = eventWindow({ window: { from: '2024-07-01' } });
    expect(inWindow('2024-06-30T22:00:00Z', w)).toBe(true); // 00:00 +02:00
    expect(inWindow('2024-06-30T21:59:59Z', w)).toBe(false);
    expect(inWindow('2031-01-01T00:00:00Z', w)).toBe(true);
    expect(inWindow(null, w)).toBe(true);
  });
});

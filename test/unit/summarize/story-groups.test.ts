import { describe, expect, it } from 'vitest';
import { groupCoverage, type StoryGroup } from '../../../src/summarize/story-groups.js';
import {
  ALL,
  belgaFr,
  belgaNl,
  belgaUnrelated,
  brusselsTimesEn,
  EN_DISPATCH,
  lalibrePickup,
  lalibreRewrite,
  rtlPickup,
  vrtRewrite,
} from './story-fixtures.js';

const groupOf = (groups: readonly StoryGroup[], id: number): StoryGroup | undefined =>
  groups.find((g) => g.members.some((m) => m.id === id));
const member = (groups: readonly StoryGroup[], id: number) =>
  groupOf(groups, id)?.members.find((m) => m.id === id);

describe('groupCoverage: one dispatch, its pickups and its versions', () => {
  const groups = groupCoverage(ALL);
  const dispatch = groupOf(groups, belgaFr.id);

  it('puts the dispatch, both pickups and the Dutch and English versions in one group', () => {
    expect(dispatch?.originalId).toBe(belgaFr.id);
    expect(dispatch?.members.map((m) => m.id).sort()).toEqual(
      [belgaFr.id, rtlPickup.id, lalibrePickup.id, belgaNl.id, brusselsTimesEn.id].sort(),
    );
    expect(dispatch?.members[0]).toEqual({
      id: belgaFr.id,
      relation: 'original',
      similarity: 1,
      via: null,
    });
  });

  it('names how each member relates to the original', () => {
    // Changed headline and an added line; a cut paragraph: both still the dispatch's text.
    expect(member(groups, rtlPickup.id)).toMatchObject({ relation: 'pickup', via: belgaFr.id });
    expect(member(groups, lalibrePickup.id)).toMatchObject({ relation: 'pickup', via: belgaFr.id });
    expect(member(groups, rtlPickup.id)?.similarity).toBeGreaterThan(0.9);
    expect(member(groups, lalibrePickup.id)?.similarity).toBeGreaterThan(0.9);
    // The agency's own Dutch version; an outlet running the English version.
    expect(member(groups, belgaNl.id)?.relation).toBe('translation');
    expect(member(groups, brusselsTimesEn.id)?.relation).toBe('pickup');
    expect(member(groups, belgaNl.id)?.similarity).toBeGreaterThan(0.5);
  });

  it('keeps rewrites by reporters and an unrelated dispatch of the same day apart', () => {
    for (const x of [lalibreRewrite, vrtRewrite, belgaUnrelated]) {
      expect(groupOf(groups, x.id)?.members).toEqual([
        { id: x.id, relation: 'original', similarity: 1, via: null },
      ]);
    }
    expect(groups).toHaveLength(4);
  });

  it('lists groups by the original’s publication time and members by theirs', () => {
    expect(groups.map((g) => g.originalId)).toEqual([
      belgaFr.id,
      belgaUnrelated.id,
      vrtRewrite.id,
      lalibreRewrite.id,
    ]);
    expect(dispatch?.members.map((m) => m.id)).toEqual([
      belgaFr.id,
      lalibrePickup.id,
      rtlPickup.id,
      belgaNl.id,
      brusselsTimesEn.id,
    ]);
  });
});

describe('groupCoverage: choices and limits', () => {
  it('takes the wire agency’s article as original even when a pickup is dated earlier', () => {
    const early = { ...rtlPickup, published: '2024-03-07T09:00:00+01:00' };
    const [g] = groupCoverage([early, belgaFr]);
    expect(g?.originalId).toBe(belgaFr.id);
    expect(g?.members.map((m) => m.relation)).toEqual(['original', 'pickup']);
  });

  it('takes the earliest article as original when no wire agency is in the group', () => {
    const [g] = groupCoverage([rtlPickup, lalibrePickup]);
    expect(g?.originalId).toBe(lalibrePickup.id);
  });

  it('calls the same text at another URL of the same outlet a duplicate', () => {
    const legacy = { ...rtlPickup, id: 120, url: 'https://rtl.example/legacy.aspx?id=1' };
    const groups = groupCoverage([belgaFr, rtlPickup, legacy]);
    expect(member(groups, 120)).toMatchObject({ relation: 'duplicate', via: rtlPickup.id });
  });

  it('hangs an outlet’s copy of the English version from the agency’s English version', () => {
    const belgaEn = {
      ...brusselsTimesEn,
      id: 109,
      outletId: 'belga',
      isWire: true,
      published: '2024-03-07T12:40:00+01:00',
    };
    const groups = groupCoverage([belgaFr, belgaEn, brusselsTimesEn]);
    expect(groups).toHaveLength(1);
    expect(member(groups, 109)?.relation).toBe('translation');
    expect(member(groups, brusselsTimesEn.id)).toMatchObject({
      relation: 'pickup',
      via: 109,
      similarity: 1,
    });
  });

  it('needs a wire tie on both sides to join languages', () => {
    const uncredited = {
      ...brusselsTimesEn,
      wireCredit: null,
      body: EN_DISPATCH.slice(0, 4).join('\n\n'),
    };
    expect(groupCoverage([belgaFr, uncredited])).toHaveLength(2);
  });

  it('joins languages only within the time window, which is configurable', () => {
    const late = { ...belgaNl, published: '2024-03-08T02:00:00+01:00' }; // 16 h after
    expect(groupCoverage([belgaFr, late])).toHaveLength(2);
    expect(groupCoverage([belgaFr, late], { windowHours: 24 })).toHaveLength(1);
  });

  it('keeps articles without text, or undated, as their own groups', () => {
    const empty = { ...belgaNl, id: 130, title: null, body: null };
    const undated = { ...lalibreRewrite, id: 131, published: null };
    const groups = groupCoverage([belgaFr, empty, undated]);
    expect(groups.map((g) => g.originalId)).toEqual([belgaFr.id, 130, 131]);
  });

  it('returns nothing for nothing', () => {
    expect(groupCoverage([])).toEqual([]);
  });
});

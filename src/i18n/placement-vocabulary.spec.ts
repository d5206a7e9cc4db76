import type { PlacementKind } from '../placements/placement-kind';
import { PLACEMENT_KIND_WORDS_EN, PLACEMENT_KIND_WORDS_ZH, placementKindWord } from './placement-vocabulary';
import { translator } from './web/i18n';

// i18n is core: it may take a feature's types, not its values, so the kinds are listed here.
const KINDS = Object.keys({
  local_enterprise: 0,
  workshop: 0,
  public_welfare: 0,
  self_employed: 0,
  away_from_home: 0,
} satisfies Record<PlacementKind, 0>) as PlacementKind[];

describe('placement kinds (issue 14 item 3)', () => {
  it("names each kind as the officer's pages do, in both languages", () => {
    const zh = translator('zh');
    const en = translator('en');
    for (const k of KINDS) {
      expect(PLACEMENT_KIND_WORDS_ZH[k]).toBe(zh(`officer.kind.${k}`));
      expect(PLACEMENT_KIND_WORDS_EN[k]).toBe(en(`officer.kind.${k}`));
      expect(placementKindWord(k)).toBe(PLACEMENT_KIND_WORDS_ZH[k]);
      expect(placementKindWord(k, 'en')).toBe(PLACEMENT_KIND_WORDS_EN[k]);
    }
  });

  it('words a workshop placement one way everywhere: 就业帮扶车间', () => {
    expect(PLACEMENT_KIND_WORDS_ZH.workshop).toBe('就业帮扶车间');
    expect(PLACEMENT_KIND_WORDS_ZH.self_employed).toBe('自主创业/灵活就业');
  });

  it('has no word for a value that is not a kind', () => {
    expect(placementKindWord('factory')).toBeUndefined();
    expect(placementKindWord('toString')).toBeUndefined();
  });
});

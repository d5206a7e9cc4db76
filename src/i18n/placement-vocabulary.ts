import type { PlacementKind } from '../placements/placement-kind';
import { OFFICER_WORK_EN, OFFICER_WORK_ZH } from './officer/officer-work';

/*
 * A placement kind in the officer's words (the officer catalogue's `officer.kind.*`, issue 14
 * item 3): the placement pages, the follow-up notification and the placements export all name a
 * kind the same way — 「就业帮扶车间」, never 「帮扶车间」 in one place and the long name in another.
 */
type Words = Readonly<Record<PlacementKind, string>>;

function kindWords(w: Record<`officer.kind.${PlacementKind}`, string>): Words {
  return {
    local_enterprise: w['officer.kind.local_enterprise'],
    workshop: w['officer.kind.workshop'],
    public_welfare: w['officer.kind.public_welfare'],
    self_employed: w['officer.kind.self_employed'],
    away_from_home: w['officer.kind.away_from_home'],
  };
}

export const PLACEMENT_KIND_WORDS_ZH: Words = kindWords(OFFICER_WORK_ZH);
export const PLACEMENT_KIND_WORDS_EN: Words = kindWords(OFFICER_WORK_EN);

/** The word of a value read back from a table, or undefined when it is not a placement kind. */
export function placementKindWord(kind: string, lang: 'zh' | 'en' = 'zh'): string | undefined {
  const words = lang === 'zh' ? PLACEMENT_KIND_WORDS_ZH : PLACEMENT_KIND_WORDS_EN;
  return Object.hasOwn(words, kind) ? words[kind as PlacementKind] : undefined;
}

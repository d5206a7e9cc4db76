import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  buildCandidateSet,
  buildPostingSet,
  rankResident,
  residentIndex,
  skillGaps,
  statedCommuteMinutes,
} from './engine';
// Certificates and ages are judged on the pilot's calendar days.
import { todayInPilotZone as chinaToday } from '../kernel/clock';
import { CandidateLoader, type LoadedResident } from './loaders/candidate.loader';
import { PostingLoader } from './loaders/posting.loader';
import { SkillCatalogueLoader } from './loaders/skill-catalogue.loader';
import { MatchingSettings } from './matching-settings';

/** A resident's two lists as rank-resident computes them. */
export interface ResidentListsResult {
  recommendations: ReturnType<typeof rankResident>;
  gaps: ReturnType<typeof skillGaps>;
}

/**
 * The residents' side of the engine: a resident's recommendations and skill gaps, ranked fresh
 * against the open postings in their reach (rank-resident, and the refill of lists that lost
 * ground). Computes; stores nothing.
 */
@Injectable()
export class ResidentRanker {
  constructor(
    private readonly settings: MatchingSettings,
    private readonly candidates: CandidateLoader,
    private readonly postings: PostingLoader,
    private readonly catalogue: SkillCatalogueLoader,
  ) {}

  /** Reads in `m` when given (a caller's transaction), else on the loaders' pool. */
  async residentLists(resident: LoadedResident, m?: EntityManager): Promise<ResidentListsResult> {
    // Someone not seeking work (employed, no labour capacity, erased, pending) gets empty lists.
    if (!resident.seeking) return { recommendations: [], gaps: [] };
    const cfg = this.settings.config;
    const [site] = await this.candidates.sitesByIds([resident.input.siteId], m);
    if (!site) return { recommendations: [], gaps: [] };
    const prefs = resident.input.preferences;
    const { postings, travel } = await this.postings.openPostingsInReach(
      site,
      this.limitMinutes(prefs),
      prefs.willingToWorkAway,
      m,
    );
    const { codes, names } = await this.catalogue.load();
    const cs = buildCandidateSet([resident.input], codes, [site], cfg.wage, cfg.distance.minutesPerKm);
    const today = chinaToday();
    const set = buildPostingSet(
      postings.map((p) => p.profile),
      cs,
      cfg,
      { today, travel: travel.lookup },
    );
    const idx = residentIndex(cs, resident.input.id);
    return {
      recommendations: rankResident(idx, set, cfg, { skillNames: names }),
      gaps: skillGaps(idx, set, { maxMissing: 2, limit: 50 }),
    };
  }

  /**
   * Fresh rank-resident lists for several residents at once: residents of one site with the same
   * reach share one read of the postings in reach and one compile of them (a closed posting can
   * leave hundreds of full lists at a site; one read and compile per resident made that seconds).
   * Scores and order are rank-resident's: the same engine calls on the same inputs.
   */
  async refillLists(m: EntityManager, residentIds: readonly string[]): Promise<Map<string, ResidentListsResult>> {
    const cfg = this.settings.config;
    const out = new Map<string, ResidentListsResult>();
    const groups = new Map<string, LoadedResident[]>();
    for (const r of await this.candidates.residentsByIds(residentIds, m)) {
      if (!r.seeking) continue; // empty lists, as rank-resident stores for someone not seeking
      const p = r.input.preferences;
      const key = `${r.input.siteId}|${this.limitMinutes(p)}|${p.willingToWorkAway}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const { codes, names } = await this.catalogue.load();
    const today = chinaToday();
    for (const group of groups.values()) {
      const first = group[0].input;
      const [site] = await this.candidates.sitesByIds([first.siteId], m);
      if (!site) continue;
      const { postings, travel } = await this.postings.openPostingsInReach(
        site,
        this.limitMinutes(first.preferences),
        first.preferences.willingToWorkAway,
        m,
      );
      const cs = buildCandidateSet(
        group.map((r) => r.input),
        codes,
        [site],
        cfg.wage,
        cfg.distance.minutesPerKm,
      );
      const set = buildPostingSet(
        postings.map((p) => p.profile),
        cs,
        cfg,
        { today, travel: travel.lookup },
      );
      for (const r of group) {
        const idx = residentIndex(cs, r.input.id);
        out.set(r.input.id, {
          recommendations: rankResident(idx, set, cfg, { skillNames: names }),
          gaps: skillGaps(idx, set, { maxMissing: 2, limit: 50 }),
        });
      }
    }
    return out;
  }

  /** A resident's commute limit in minutes: stated, else their km converted, else the default. */
  private limitMinutes(p: LoadedResident['input']['preferences']): number {
    const d = this.settings.config.distance;
    const stated = statedCommuteMinutes(p, d.minutesPerKm);
    return stated >= 0 ? stated : d.defaultMaxCommuteMinutes;
  }
}

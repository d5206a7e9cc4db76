import type { CommutePlanner } from '../../commute/commute-planner';
import { tripText } from '../../commute/commute-text';
import type { SitePoint, Trip, Workplace } from '../../commute/travel-trip';
import { tripFitsShift, type PostingProfile, type SiteTrip, type TravelLookup } from '../engine';

/*
 * The engine's trips (issue 16): for each (site, posting) of a ranking pass, the way the commute
 * planner (src/commute) finds from the site to the workplace, turned into the numbers the pure
 * engine reads (minutes, first departure / last return as minutes after midnight) and the words
 * the reasons quote (tripText). Worked out once per pair and kept for the pass: the loader's reach
 * check and the engine's compile ask for the same pairs.
 */

/** 'HH:MM' → minutes after midnight; null for null or a malformed value. */
export function clockMinutes(hhmm: string | null | undefined): number | null {
  if (!hhmm) return null;
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function siteTrip(t: Trip): SiteTrip {
  return {
    minutes: t.minutes,
    source: t.source,
    mode: t.mode,
    firstDeparture: clockMinutes(t.firstDeparture),
    lastReturn: clockMinutes(t.lastReturn),
    text: tripText(t),
  };
}

/**
 * The trip a resident would take: the planner's best (fastest measured, else the estimate) when
 * it fits the shift; otherwise the first other candidate that does (a slower bus that runs
 * earlier); otherwise the best, which the engine then excludes with the reason `shift`.
 */
export function chooseTrip(
  trips: readonly Trip[],
  shiftStart: number | null | undefined,
  shiftEnd: number | null | undefined,
): SiteTrip {
  const all = trips.map(siteTrip);
  if (shiftStart == null && shiftEnd == null) return all[0];
  return all.find((t) => tripFitsShift(t, shiftStart, shiftEnd)) ?? all[0];
}

/** Where a loaded posting's work is, for the planner. */
export interface PostingPlace {
  profile: PostingProfile;
  workplace: Workplace;
}

/** The trips of one ranking pass, from one planner, per (site, posting). */
export class TravelTable {
  /**
   * posting id → site id → trip. Two lookups on ids the pass already holds (their hashes are
   * cached on the strings): a `${site}|${posting}` key was a new 73-character string to build and
   * hash for each of the millions of asks of a county re-rank (6 % of its CPU profile).
   */
  private readonly memo = new Map<string, Map<string, SiteTrip>>();
  private readonly sites = new Map<string, SitePoint>();
  private readonly workplaces = new Map<string, Workplace>();

  constructor(
    private readonly planner: CommutePlanner,
    sites: readonly SitePoint[],
    postings: readonly PostingPlace[],
  ) {
    for (const s of sites) this.sites.set(s.id, s);
    for (const p of postings) this.workplaces.set(p.profile.id, p.workplace);
  }

  trip(siteId: string, posting: PostingProfile): SiteTrip {
    let ofPosting = this.memo.get(posting.id);
    if (ofPosting === undefined) this.memo.set(posting.id, (ofPosting = new Map()));
    let t = ofPosting.get(siteId);
    if (t === undefined) {
      const site = this.sites.get(siteId);
      const w = this.workplaces.get(posting.id) ?? {
        regionCode: null,
        latitude: posting.latitude,
        longitude: posting.longitude,
        approximate: posting.locationApproximate === true,
        employerId: null,
      };
      if (!site) throw new RangeError(`travel: site ${siteId} is not in this pass`);
      t = chooseTrip(this.planner.all(site, w), posting.shiftStart, posting.shiftEnd);
      ofPosting.set(siteId, t);
    }
    return t;
  }

  /** The engine's view (CompileOptions.travel). */
  readonly lookup: TravelLookup = (siteId, posting) => this.trip(siteId, posting);
}

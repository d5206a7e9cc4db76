import { Injectable } from '@nestjs/common';
import { CommuteDirectory } from '../../commute/commute-directory';
import type { PostingDto } from '../../postings/dto/posting.dto';
import { postingTrips } from '../../postings/posting-travel';
import type { Site } from '../../regions/site.entity';
import { travelFields, type TravelView } from '../components/travel-line';

/**
 * The resident pages' commute: a resident's limit in minutes, and the planner's best trip from a
 * site to the postings a page shows (the posting page, 为我推荐). The search pages get theirs on the
 * search items (PostingSearchService), from the same planner.
 */
@Injectable()
export class ResidentTravel {
  constructor(private readonly commute: CommuteDirectory) {}

  /** maxCommuteMinutes, else maxCommuteKm converted (config/commute.yaml minutesPerKm), else the default. */
  limitMinutes(prefs: { maxCommuteMinutes?: number | null; maxCommuteKm?: number | null }): number {
    return this.commute.settings.limitMinutes(prefs);
  }

  /** One read of the site's recorded trips, then the pure planner per posting. */
  async trips(site: Site, postings: readonly PostingDto[]): Promise<Map<string, TravelView>> {
    if (!postings.length) return new Map();
    const planner = await this.commute.plannerFor([site.id]);
    const trips = postingTrips(planner, site, postings);
    return new Map([...trips].map(([id, trip]) => [id, travelFields(trip)]));
  }
}

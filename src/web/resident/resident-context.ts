import { type AuthUser } from '../../access/auth-user';
import type { Site } from '../../regions/site.entity';
import { RegionsService } from '../../regions/regions.service';
import type { ResidentDto } from '../../residents/dto/resident.dto';
import { ResidentsService } from '../../residents/residents.service';

/** The signed-in resident and their site, or null for anyone else. */
export interface ResidentCtx {
  resident: ResidentDto;
  site: Site | null;
}

/** The signed-in resident and their site, or null for anyone else (a visitor, another role). */
export async function residentContext(
  residents: ResidentsService,
  regions: RegionsService,
  user: AuthUser | undefined,
): Promise<ResidentCtx | null> {
  if (!user || user.role !== 'resident' || !user.residentId) return null;
  const resident = await residents.get(user, user.residentId);
  const site = await regions.findSite(resident.siteId);
  return { resident, site };
}

import type { RegionsService } from '../../regions/regions.service';
import type { Option } from './form';

/** Where the pilot starts (利川市): the admin's first site needs townships before any site exists. */
const PILOT_COUNTY = '422802';

/** The townships that have a resettlement site (courses, employers: where the people are). */
export async function siteTownships(regions: RegionsService): Promise<Option[]> {
  const seen = new Map<string, Option>();
  for (const s of await regions.directory()) {
    if (!seen.has(s.regionCode))
      seen.set(s.regionCode, { value: s.regionCode, label: s.regionName ?? s.regionCode });
  }
  return [...seen.values()].sort((a, b) => a.value.localeCompare(b.value));
}

/** Every township of the counties that have a site (and the pilot county), for a new site. */
export async function townshipsForSites(regions: RegionsService): Promise<Option[]> {
  const counties = new Set([
    PILOT_COUNTY,
    ...(await regions.directory()).map((s) => s.regionCode.slice(0, 6)),
  ]);
  const out: Option[] = [];
  for (const county of [...counties].sort()) {
    const name = (await regions.findRegion(county))?.name ?? county;
    for (const r of await regions.listRegions(county))
      if (r.level === 'township') out.push({ value: r.code, label: `${name} ${r.name}` });
  }
  return out;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine). The SQL twin is `haversine_km()` in the migrations. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A lat/lon box that contains every point within `km` (for an index prefilter before the exact distance). */
export function boundingBox(
  lat: number,
  lon: number,
  km: number,
): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = km / 111.0;
  const dLon = km / (111.0 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

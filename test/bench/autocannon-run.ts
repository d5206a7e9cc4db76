import autocannon from 'autocannon';

export interface LoadResult {
  paths: string[];
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** 50 connections for `seconds` against `paths` (taken in turn by each connection). */
export async function autocannonRun(
  baseUrl: string,
  paths: string[],
  seconds: number,
  connections = 50,
): Promise<LoadResult> {
  const r = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    paths,
    connections,
    seconds: r.duration,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.total / r.duration),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

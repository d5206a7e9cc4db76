/*
 * The environment of the child processes this app starts (today: the roster parse process of
 * src/imports/bounded-roster-parse.ts). It is built here, with the rest of the environment
 * reading (issue 14 item 1: no process.env outside platform/config), because what a child may
 * inherit is a configuration decision with a security side: the child reads an untrusted file,
 * so it gets an allow-list (PATH, NODE_ENV) and never the api's secrets (database URL, keys).
 * Nothing else of AppConfig is imported: the child loads this file too, and must start without
 * a configuration of its own.
 */

/** Set in the roster parse process only; the child's entry runs only when it sees it. */
const ROSTER_PARSE_MARKER = 'LEYE_ROSTER_PARSE';

/** The environment of a roster parse process: the allow-list, its own temp folder, the marker. */
export function rosterParseChildEnv(tmpDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: process.env.NODE_ENV ?? '',
    TMPDIR: tmpDir,
    [ROSTER_PARSE_MARKER]: '1',
  };
}

/**
 * Whether this process is a roster parse child: started with an IPC channel and the marker. A
 * plain `require` of the child's file (a test, the api itself) does nothing.
 */
export function isRosterParseChild(): boolean {
  return !!process.send && process.env[ROSTER_PARSE_MARKER] === '1';
}

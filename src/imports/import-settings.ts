/** A roster bigger than this is refused before anything is written (split it into several files). */
export const IMPORT_MAX_ROWS = 20_000;
/** Row errors kept on the import; `failed` keeps counting beyond. */
export const IMPORT_MAX_ERRORS = 1_000;
/** Progress (processed / total) is written every this many rows. */
export const IMPORT_PROGRESS_EVERY = 50;

/** A roster bigger than this is refused before anything is written (split it into several files). */
export const IMPORT_MAX_ROWS = 20_000;
/** Row errors kept on the import; `failed` keeps counting beyond. */
export const IMPORT_MAX_ERRORS = 1_000;
/** Progress (processed / total) is written every this many rows. */
export const IMPORT_PROGRESS_EVERY = 50;

/*
 * Bounds of the file parse (issue 12 item 5: a 6 MiB .xlsx inflating to 6 GiB killed the process).
 * A real roster of 5,000 rows is a few MiB uncompressed; the caps leave ample room for that.
 */
/** Sum of the uncompressed sizes the zip's central directory declares. */
export const IMPORT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Entries of the zip (an .xlsx from Excel or WPS has about 10–20). */
export const IMPORT_MAX_ZIP_ENTRIES = 500;
/** Heap of the child process that parses the file: if all else fails, the child dies, not the api. */
export const IMPORT_PARSE_HEAP_MB = 192;
/** The parse is stopped after this long (a bomb inflating slowly within the heap cap). */
export const IMPORT_PARSE_TIMEOUT_MS = 120_000;
/** Characters of cell text kept in all (20,000 rows × 13 columns of realistic text is far below). */
export const IMPORT_MAX_TEXT_CHARS = 16 * 1024 * 1024;

/**
 * Engine version stored with every match: bump it when a formula, a filter or the reason text changes,
 * so stored matches can be recognised as computed by an older engine and re-ranked.
 */
// 2.0.0: components that do not apply are left out and the rest rescaled to 100; unstated
// preferences earn the unknown share; wage against the local minimum; reasons per reader.
// 2.1.0: reach and the distance component on the trip's minutes (commute planner), the shift
// filter on the timetable, reasons that say the way (「公交约 70 分钟」).
export const ENGINE_VERSION = '2.1.0';

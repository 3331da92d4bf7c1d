/**
 * Misuse signals without surveillance (R5): what Prosody counted per school and day, so that a
 * leaked credential shows up (many rooms, rooms at night), and nothing else. The server writes
 * one JSON line per event (school_accounts.lib.lua): `{ t, school, event: "login" | "opened", open? }`
 * with no room name, no person and no address; this module only adds them up.
 */
import { existsSync, readFileSync } from 'node:fs';

/** One event as the server wrote it. */
export interface UsageEvent {
    /** Seconds since the epoch. */
    readonly t: number;
    readonly school: string;
    readonly event: 'login' | 'opened';
    /** For `opened`: how many rooms the school had open at that moment, this one included. */
    readonly open?: number;
}

/** The centre's school hours: weekdays (1 = Monday … 7 = Sunday) and a daily window. */
export interface SchoolHours {
    readonly days: readonly number[];
    /** Minutes after midnight, local time of the server. */
    readonly from: number;
    readonly to: number;
}

/** One school's counts for one day. */
export interface DayCounts {
    readonly school: string;
    /** The local day, YYYY-MM-DD. */
    readonly day: string;
    readonly logins: number;
    readonly roomsOpened: number;
    readonly mostOpenAtOnce: number;
    readonly openedOutsideSchoolHours: number;
}

/** Parses "07:00-17:00" into minutes; undefined when malformed. */
export function parseHours(text: string): { from: number; to: number } | undefined {
    const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim());

    if (!match) {
        return undefined;
    }
    const from = Number(match[1]) * 60 + Number(match[2]);
    const to = Number(match[3]) * 60 + Number(match[4]);

    return from < to && to <= 24 * 60 ? { from, to } : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

function isEvent(value: unknown): value is UsageEvent {
    const event = value as Partial<UsageEvent> | null;

    return (
        typeof event === 'object' &&
        event !== null &&
        typeof event.t === 'number' &&
        typeof event.school === 'string' &&
        (event.event === 'login' || event.event === 'opened')
    );
}

/**
 * Reads the server's usage file. Lines that are not events (a line cut by a full disk) are counted,
 * not thrown: the report says how many it skipped.
 */
export function readUsage(path: string): { events: UsageEvent[]; skipped: number } {
    if (!existsSync(path)) {
        return { events: [], skipped: 0 };
    }
    const events: UsageEvent[] = [];
    let skipped = 0;

    for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') {
            continue;
        }
        try {
            const parsed: unknown = JSON.parse(line);

            if (isEvent(parsed)) {
                events.push(parsed);
            } else {
                skipped += 1;
            }
        } catch {
            skipped += 1;
        }
    }

    return { events, skipped };
}

/** Whether a moment lies within the school hours (local time). */
export function withinSchoolHours(date: Date, hours: SchoolHours): boolean {
    const weekday = date.getDay() === 0 ? 7 : date.getDay();
    const minute = date.getHours() * 60 + date.getMinutes();

    return hours.days.includes(weekday) && minute >= hours.from && minute < hours.to;
}

/** Counts per school and day, from `since` (inclusive, local midnight) on, sorted by day and school. */
export function dailyCounts(events: readonly UsageEvent[], since: Date, hours: SchoolHours): DayCounts[] {
    const counts = new Map<string, DayCounts>();

    for (const event of events) {
        const date = new Date(event.t * 1000);

        if (date < since) {
            continue;
        }
        const day = localDay(date);
        const key = `${day} ${event.school}`;
        const before = counts.get(key) ?? {
            school: event.school,
            day,
            logins: 0,
            roomsOpened: 0,
            mostOpenAtOnce: 0,
            openedOutsideSchoolHours: 0,
        };

        counts.set(
            key,
            event.event === 'login'
                ? { ...before, logins: before.logins + 1 }
                : {
                      ...before,
                      roomsOpened: before.roomsOpened + 1,
                      mostOpenAtOnce: Math.max(before.mostOpenAtOnce, event.open ?? 1),
                      openedOutsideSchoolHours:
                          before.openedOutsideSchoolHours + (withinSchoolHours(date, hours) ? 0 : 1),
                  },
        );
    }

    return [...counts.values()].sort((a, b) => a.day.localeCompare(b.day) || a.school.localeCompare(b.school));
}

/** The last login per school (seconds since the epoch). */
export function lastLogins(events: readonly UsageEvent[]): Map<string, number> {
    const last = new Map<string, number>();

    for (const event of events) {
        if (event.event === 'login' && event.t > (last.get(event.school) ?? 0)) {
            last.set(event.school, event.t);
        }
    }

    return last;
}

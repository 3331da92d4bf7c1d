/**
 * Reads what a student pasted: an invitation link (ours or the Jitsi deployment's) or a plain room
 * name. A link to any other host is refused; whatever a link carries besides the room (a
 * `#config.…` override, a password, a token) is dropped, and the student is told.
 */
import { normaliseRoomName, type RoomNameError } from '../school-policy';

/** The outcome of reading a join input. */
export type JoinInput =
    | { readonly ok: true; readonly room: string; readonly cleaned: boolean }
    | { readonly ok: false; readonly error: 'foreignLink'; readonly host: string }
    /** A link that cannot be read, e.g. a broken percent-escape (`%E0%A4%A`, a trailing `%`). */
    | { readonly ok: false; readonly error: 'badLink' }
    | { readonly ok: false; readonly error: RoomNameError; readonly params?: Readonly<Record<string, number>> };

/** The hosts a link may point to. */
export interface JoinHosts {
    /** The portal's origin, e.g. `https://schule.example.org`. */
    readonly portalOrigin: string;
    /** The Jitsi deployment's origin. */
    readonly jitsiOrigin: string;
}

function asUrl(input: string): URL | null {
    const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(input)
        ? input
        : // A protocol-relative link names a host just as a full one does.
          input.startsWith('//')
          ? `https:${input}`
          : /^[\w-]+(\.[\w-]+)+(:\d+)?\//.test(input)
            ? `https://${input}`
            : null;

    if (!candidate) {
        return null;
    }
    try {
        return new URL(candidate);
    } catch {
        return null;
    }
}

/** Reads a join input. Never takes a password from a link (R6: it is shared separately). */
export function readJoinInput(input: string, hosts: JoinHosts): JoinInput {
    const trimmed = input.trim();
    const url = asUrl(trimmed);

    if (!url) {
        if (/%(?![0-9a-f]{2})/i.test(trimmed)) {
            return { ok: false, error: 'badLink' };
        }
        const check = normaliseRoomName(trimmed);

        return check.ok ? { ok: true, room: check.name, cleaned: false } : check;
    }
    let room: string | null;

    if (url.host === new URL(hosts.portalOrigin).host) {
        room = url.searchParams.get('room');
    } else if (url.host === new URL(hosts.jitsiOrigin).host) {
        const segment = url.pathname.split('/').filter(Boolean)[0] ?? '';

        try {
            room = decodeURIComponent(segment);
        } catch {
            return { ok: false, error: 'badLink' };
        }
    } else {
        return { ok: false, error: 'foreignLink', host: url.host };
    }
    const extras = [...url.searchParams.keys()].filter(key => key !== 'room');
    const cleaned = url.hash.length > 1 || extras.length > 0 || url.username !== '' || url.password !== '';
    const check = normaliseRoomName(room ?? '');

    return check.ok ? { ok: true, room: check.name, cleaned } : check;
}

/** The link a teacher sends: to the portal's join page, carrying the room and nothing else. */
export function invitationLink(portalOrigin: string, room: string): string {
    const url = new URL('/beitreten', portalOrigin);

    url.searchParams.set('room', room);

    return url.toString();
}

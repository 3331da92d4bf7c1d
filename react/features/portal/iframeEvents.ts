/**
 * The IFrame API's events as the core's events and the portal's join state (docs/jitsi-behaviour.md
 * §4): a pure function of the event, its payload and what the adapter knows of the meeting, so that
 * each translation can be read, and tested, as a row of a table (tests/portal/iframeEvents.test.ts),
 * as the fork build's policyEvents.ts does for jitsi-meet's actions. The adapter (iframeHost.ts)
 * keeps the facts and dispatches what comes out.
 */
import type { UnknownAction } from 'redux';

import { fieldOf, policyActions, type RecordingMode, type Role } from '../school-policy';

import type { ExternalApiEvent } from './externalApi';
import { portalActions } from './portalSlice';

const ROLES: readonly Role[] = ['moderator', 'participant', 'none'];
const MODES: readonly RecordingMode[] = ['local', 'file', 'stream'];

/** What the adapter knows of the meeting in its frame. */
export interface MeetingFacts {
    /** In the meeting (joined, not left or interrupted). */
    readonly connected: boolean;
    readonly localId: string | null;
    /** Roles as the IFrame API reported them (the local participant's included). */
    readonly roles: ReadonlyMap<string, Role>;
    /** The others in the meeting. */
    readonly remotes: ReadonlySet<string>;
    /** What a `readyToClose` means: we hung up, or we ended the meeting for all. */
    readonly leftReason: 'hangup' | 'ended';
}

/** The facts before a meeting. */
export const NO_MEETING: MeetingFacts = {
    connected: false,
    localId: null,
    roles: new Map(),
    remotes: new Set(),
    leftReason: 'hangup',
};

/** One event's translation: the core's events, the portal's, the facts after it, who is gone. */
export interface Translated {
    readonly policy: readonly UnknownAction[];
    readonly portal: readonly UnknownAction[];
    readonly facts: MeetingFacts;
    /** A remote participant who left or was removed (a pending kick is confirmed by it). */
    readonly gone?: string;
}

type Translation = (payload: unknown, facts: MeetingFacts) => Translated;

function str(payload: unknown, key: string): string | undefined {
    const value = fieldOf(payload, key);

    return typeof value === 'string' && value.length > 0 ? value : undefined;
}

const nothing = (facts: MeetingFacts): Translated => ({ policy: [], portal: [], facts });

function without<T>(set: ReadonlySet<T>, value: T): Set<T> {
    const next = new Set(set);

    next.delete(value);

    return next;
}

/** A remote participant is gone, whichever way. */
function remoteGone(facts: MeetingFacts, id: string): Translated {
    return {
        policy: [policyActions.participantLeft({ id })],
        portal: [],
        facts: { ...facts, remotes: without(facts.remotes, id) },
        gone: id,
    };
}

/** The meeting is over for us (hung up, or ended for all). */
const left = (facts: MeetingFacts): Translated => ({
    policy: [policyActions.meetingLeft({ reason: facts.leftReason })],
    portal: [],
    facts: { ...facts, connected: false },
});

/**
 * A fatal connection error in the meeting: jitsi-meet shows its page-reload overlay and reloads the
 * page in the same frame after 10–30 s (react/features/overlay/, app/actions.web.ts `reloadNow`),
 * reporting `videoConferenceLeft` just before. The lesson goes on after that.
 */
const interrupted = (facts: MeetingFacts): Translated => ({
    policy: [policyActions.meetingInterrupted()],
    portal: [portalActions.meetingReconnecting()],
    facts: { ...facts, connected: false, localId: null, roles: new Map(), remotes: new Set() },
});

const TRANSLATIONS: Partial<Record<ExternalApiEvent, Translation>> = {
    videoConferenceJoined: (payload, facts) => {
        const id = str(payload, 'id');

        return id
            ? {
                  policy: [policyActions.meetingJoined({ localId: id, room: str(payload, 'roomName') })],
                  portal: [portalActions.joinSucceeded()],
                  facts: { ...facts, connected: true, localId: id },
              }
            : nothing(facts);
    },
    participantRoleChanged: (payload, facts) => {
        const id = str(payload, 'id');
        const role = fieldOf(payload, 'role') as Role;

        return id && ROLES.includes(role)
            ? {
                  policy: [policyActions.roleChanged({ id, role })],
                  portal: [],
                  facts: { ...facts, roles: new Map(facts.roles).set(id, role) },
              }
            : nothing(facts);
    },
    participantJoined: (payload, facts) => {
        const id = str(payload, 'id');

        return id
            ? {
                  policy: [policyActions.participantJoined({ id, name: str(payload, 'displayName') ?? null })],
                  portal: [],
                  facts: { ...facts, remotes: new Set(facts.remotes).add(id) },
              }
            : nothing(facts);
    },
    participantLeft: (payload, facts) => {
        const id = str(payload, 'id');

        return id ? remoteGone(facts, id) : nothing(facts);
    },
    participantKickedOut: (payload, facts) => {
        const kicked = fieldOf(payload, 'kicked');
        const kickedId = str(kicked, 'id');

        if (fieldOf(kicked, 'local') === true || (kickedId !== undefined && kickedId === facts.localId)) {
            return {
                policy: [policyActions.meetingLeft({ reason: 'kicked' })],
                portal: [],
                facts: { ...facts, connected: false },
            };
        }

        return kickedId ? remoteGone(facts, kickedId) : nothing(facts);
    },
    recordingStatusChanged: (payload, facts) => {
        const mode = fieldOf(payload, 'mode') as RecordingMode;
        const on = fieldOf(payload, 'on') === true;

        return {
            policy: [policyActions.recordingStatusChanged({ on, mode: MODES.includes(mode) ? mode : undefined })],
            portal: [],
            facts,
        };
    },
    // jitsi-meet's page reports `videoConferenceLeft` whenever it unloads, joined or not
    // (react/features/external-api/middleware.ts, SET_CONFIG): e.g. when the portal takes away the
    // frame of a join that did not succeed. Only a meeting we were in can end.
    videoConferenceLeft: (_payload, facts) => (facts.connected ? left(facts) : nothing(facts)),
    readyToClose: (_payload, facts) => left(facts),
    toolbarButtonClicked: (payload, facts) => {
        const key = str(payload, 'key');

        return { policy: key ? [policyActions.toolbarButtonClicked({ key })] : [], portal: [], facts };
    },
    passwordRequired: (_payload, facts) => ({ policy: [], portal: [portalActions.joinPasswordRequested()], facts }),
    errorOccurred: (payload, facts) => {
        const error = fieldOf(payload, 'error');
        const isFatal = fieldOf(error, 'isFatal');
        const params = fieldOf(error, 'params');

        if (facts.connected && isFatal === true && str(error, 'name')?.startsWith('connection.')) {
            return interrupted(facts);
        }
        const failure = {
            name: str(error, 'name') ?? str(error, 'message') ?? 'unknown',
            ...(typeof isFatal === 'boolean' ? { isFatal } : {}),
            ...(Array.isArray(params) ? { texts: params.filter(p => typeof p === 'string') } : {}),
        };

        return { policy: [], portal: [portalActions.joinErrorOccurred(failure)], facts };
    },
};

/**
 * Translates one IFrame API event. `browserSupport` and `prejoinScreenLoaded` translate to nothing:
 * they only tell that the page answers, which the adapter notes for any event.
 */
export function translateIFrameEvent(event: ExternalApiEvent, payload: unknown, facts: MeetingFacts): Translated {
    return TRANSLATIONS[event]?.(payload, facts) ?? nothing(facts);
}

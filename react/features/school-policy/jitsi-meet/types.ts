/**
 * The narrow, declared view of jitsi-meet and lib-jitsi-meet that the fork adapter uses.
 * lib-jitsi-meet is not on npm and ships no usable declarations (docs/jitsi-behaviour.md §6), so these are our
 * own, checked against jitsi-meet's sources by tests/upstream.
 */
import type { RecordingMode, Role } from '../host';
import type { Lang } from '../rules';

/**
 * Action type strings as jitsi-meet defines them (each equals its constant's name, docs/jitsi-behaviour.md §7).
 * tests/upstream asserts they equal jitsi-meet's own constants.
 */
export const JITSI_ACTIONS = {
    CONFERENCE_WILL_JOIN: 'CONFERENCE_WILL_JOIN',
    CONFERENCE_JOINED: 'CONFERENCE_JOINED',
    CONFERENCE_LEFT: 'CONFERENCE_LEFT',
    CONFERENCE_FAILED: 'CONFERENCE_FAILED',
    KICKED_OUT: 'KICKED_OUT',
    LOCK_STATE_CHANGED: 'LOCK_STATE_CHANGED',
    PARTICIPANT_JOINED: 'PARTICIPANT_JOINED',
    PARTICIPANT_LEFT: 'PARTICIPANT_LEFT',
    PARTICIPANT_ROLE_CHANGED: 'PARTICIPANT_ROLE_CHANGED',
    RECORDING_SESSION_UPDATED: 'RECORDING_SESSION_UPDATED',
    START_LOCAL_RECORDING: 'START_LOCAL_RECORDING',
    SET_CONFIG: 'SET_CONFIG',
    UPDATE_CONFIG: 'UPDATE_CONFIG',
    OVERWRITE_CONFIG: 'OVERWRITE_CONFIG',
    SETTINGS_UPDATED: 'SETTINGS_UPDATED',
    SET_LOCATION_URL: 'SET_LOCATION_URL',
    SET_PASSWORD: 'SET_PASSWORD',
    SET_PASSWORD_FAILED: 'SET_PASSWORD_FAILED',
    UPGRADE_ROLE_FINISHED: 'UPGRADE_ROLE_FINISHED',
    CONNECTION_FAILED: 'CONNECTION_FAILED',
} as const;

/** A remote participant as lib-jitsi-meet's JitsiParticipant reports it. */
export interface IJitsiParticipant {
    getId(): string;
    getDisplayName(): string | undefined;
    getRole(): string;
}

/** The part of lib-jitsi-meet's JitsiConference the adapter uses. */
export interface IJitsiConference {
    isModerator(): boolean | null;
    lock(password: string): Promise<unknown>;
    kickParticipant(id: string, reason?: string): void;
    getParticipants(): IJitsiParticipant[];
    sendTextMessage(text: string): void;
    stopRecording(sessionId: string): Promise<unknown>;
}

/** A recording session in jitsi-meet's `features/recording` state (its fields are optional there). */
export interface IRecordingSession {
    id?: string;
    mode?: string;
    // 'on', 'off' or 'pending' in current jitsi-meet; kept open for older and newer releases.
    status?: string;
}

/**
 * Whether a value is a JitsiConference with the methods the adapter calls. jitsi-meet declares the
 * conference with only some of them (and as `Function`), so the adapter checks at run time instead
 * of trusting a type it cannot see.
 *
 * @param {unknown} value - The store's `features/base/conference` conference.
 * @returns {boolean}
 */
export function isJitsiConference(value: unknown): value is IJitsiConference {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const methods: (keyof IJitsiConference)[] = [
        'isModerator',
        'lock',
        'kickParticipant',
        'getParticipants',
        'sendTextMessage',
        'stopRecording',
    ];

    return methods.every(name => typeof (value as Record<string, unknown>)[name] === 'function');
}

/**
 * The slices of jitsi-meet's state the adapter reads. Deliberately loose (`unknown`, `object`):
 * jitsi-meet's own IReduxState must be assignable to it, so that the middlewares register without a
 * cast; the adapter checks shapes at run time.
 */
export interface IJitsiMeetState {
    'features/base/conference'?: { conference?: unknown; room?: unknown };
    'features/base/participants'?: { local?: { id?: string } };
    'features/base/config'?: object;
    'features/base/connection'?: object;
    'features/base/settings'?: { displayName?: string; startWithAudioMuted?: boolean; startWithVideoMuted?: boolean };
    'features/base/dialog'?: { component?: unknown };
    'features/recording'?: { sessionDatas?: IRecordingSession[] };
    'features/school-policy'?: unknown;
}

/**
 * What the registration files hand in from jitsi-meet: its own thunks, so that the adapter needs no
 * jitsi-meet import and leaving or ending runs jitsi-meet's own code path.
 */
export interface IJitsiMeetDeps {
    /** Jitsi's `leaveConference()` thunk (what the hang-up button runs). */
    leave(): unknown;

    /** Jitsi's `endConference()` thunk ("End meeting for all"). */
    endConference(): unknown;

    /** Shows a notification to the local participant (Jitsi's `showNotification`). */
    notify(text: string): unknown;

    /** Tries to join again (Jitsi's `reloadNow()` on web). */
    rejoin(): unknown;
}

/**
 * Jitsi-meet's dialog system as the registration hands it in: `openDialog` and `hideDialog` with
 * the module's SchoolPolicyDialog, and whether that dialog is the one jitsi-meet shows.
 */
export interface IJitsiMeetDialogs {
    open(lang: Lang): unknown;
    hide(): unknown;
    isOpen(state: IJitsiMeetState): boolean;
}

/** The role as the core knows it. */
export function toRole(role: unknown): Role {
    return role === 'moderator' || role === 'participant' ? role : 'none';
}

/** The recording mode as the core knows it. */
export function toMode(mode: unknown): RecordingMode {
    return mode === 'stream' ? 'stream' : mode === 'local' ? 'local' : 'file';
}

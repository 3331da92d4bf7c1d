/**
 * The policy's state: the types of the meeting as the core tracks it, its initial value, and the
 * one question every part asks of a phase (are we in the meeting?). The reducer (slice.ts) and the
 * selectors (selectors.ts) both build on this file; it imports neither.
 */
import type { RecordingMode, Role, PolicyHostErrorCode } from './host';
import type { NoticeKey } from './i18n/noticeMessages';

/** Another participant as the policy tracks them. */
export interface Participant {
    readonly id: string;
    /** Sanitised display name; `null` for anonymous participants. */
    readonly name: string | null;
    readonly role: Role;
    /** True when they joined while the room was not known to be locked: the teacher should review them. */
    readonly joinedBeforeLock: boolean;
}

/** Whether the room has a password, as far as the policy knows. */
export type LockState =
    | { readonly kind: 'unknown' }
    | { readonly kind: 'unlocked' }
    /** We are moderator but have no password: the UI must ask for one before anything else. */
    | { readonly kind: 'passwordNeeded' }
    | { readonly kind: 'locking' }
    | { readonly kind: 'locked' }
    | { readonly kind: 'failed'; readonly code: PolicyHostErrorCode };

/** Where the last moderator stands while the room is not yet empty (R8). */
export type LeaveStep =
    | { readonly kind: 'choosing' }
    | { readonly kind: 'asking' }
    | { readonly kind: 'askedToLeave' }
    /** `total` is how many were there when removal began; progress is derived from who is left. */
    | { readonly kind: 'removing'; readonly total: number; readonly failed: number }
    | { readonly kind: 'removalIncomplete'; readonly failed: number }
    | { readonly kind: 'ending' }
    | { readonly kind: 'endFailed' };

/** Why the meeting ended for us. */
export type LeftReason = 'hangup' | 'kicked' | 'ended' | 'unconfirmed';

/** How we got to leaving. */
export type LeavingVia = 'hangup' | 'roomEmptied' | 'endForAll';

/** The meeting's phase: a discriminated union, so impossible combinations cannot be stored. */
export type MeetingPhase =
    | { readonly kind: 'idle' }
    | { readonly kind: 'joining'; readonly room: string }
    | { readonly kind: 'joined'; readonly room: string }
    | { readonly kind: 'leaveBlocked'; readonly room: string; readonly step: LeaveStep }
    | { readonly kind: 'leaving'; readonly room: string; readonly via: LeavingVia }
    | { readonly kind: 'left'; readonly room: string; readonly reason: LeftReason };

/** Recording as reported by the host (R9). */
export type RecordingState =
    | { readonly kind: 'off' }
    | { readonly kind: 'stopping'; readonly modes: readonly RecordingMode[] }
    | { readonly kind: 'stopFailed'; readonly modes: readonly RecordingMode[] };

/** A message the UI shows until it is dismissed. */
export interface Notice {
    readonly id: number;
    readonly key: NoticeKey;
    readonly params?: Readonly<Record<string, string | number>>;
    /** How often the same notice came while it was shown (shown once, with the count). */
    readonly count?: number;
}

/** What the policy did, for the teacher's and the admin's eyes. */
export interface LogEntry {
    readonly seq: number;
    readonly event: string;
    readonly detail?: string;
}

/** The slice's state. Never persisted: it holds the room password. */
export interface PolicyState {
    readonly phase: MeetingPhase;
    readonly local: { readonly id: string; readonly role: Role } | null;
    readonly participants: Readonly<Record<string, Participant>>;
    /** Roles reported before we knew who is who (events may arrive out of order). */
    readonly earlyRoles: Readonly<Record<string, Role>>;
    readonly lock: LockState;
    /** The password chosen for this start of the meeting (R6). Kept in memory only. */
    readonly password: string | null;
    /**
     * Whether this session may act as the teacher (lock, review, remove, end, leave-last). A
     * student's session never does, whatever role Jitsi gives it (a stock Jicofo makes the first
     * joiner moderator); its password is the one it joined with, never one to lock with.
     */
    readonly teaching: boolean;
    readonly recording: RecordingState;
    /**
     * R6 on the server: mod_school_policy refused our join because the teacher has not set the
     * password yet; the seconds until we try again (`listeners.ts`, `retryWhenNotOpen`). Null otherwise.
     */
    readonly notOpenRetry: { readonly secondsLeft: number } | null;
    /** R5: "Missbrauch melden" was chosen in the meeting; its dialog says where to report. */
    readonly misuseReport: boolean;
    readonly notices: readonly Notice[];
    readonly log: readonly LogEntry[];
    readonly seq: number;
}

/** How many log entries are kept. */
export const LOG_LIMIT = 200;

export const initialPolicyState: PolicyState = {
    phase: { kind: 'idle' },
    local: null,
    participants: {},
    earlyRoles: {},
    lock: { kind: 'unknown' },
    password: null,
    teaching: true,
    recording: { kind: 'off' },
    notOpenRetry: null,
    misuseReport: false,
    notices: [],
    log: [],
    seq: 0,
};

/** True while we are in the meeting (including while the leave-last dialog is open). */
export function isInMeeting(phase: MeetingPhase): phase is Extract<MeetingPhase, { kind: 'joined' | 'leaveBlocked' }> {
    return phase.kind === 'joined' || phase.kind === 'leaveBlocked';
}

/**
 * The meeting as the policy sees it: a Redux Toolkit slice whose actions are events (past tense)
 * and whose reducers are pure. Effects live in `listeners.ts`.
 *
 * Phases: idle → joining → joined → (leaveBlocked →) leaving → left. Lock state is tracked apart
 * from the phase because the IFrame API never reports it: `unknown` is a real state there.
 */
import {
    createNextState,
    createSlice,
    type Draft as ImmerDraft,
    type PayloadAction,
    type Reducer,
    type UnknownAction,
} from '@reduxjs/toolkit';

import type { RecordingMode, Role, PolicyHostErrorCode } from './host';
import type { MessageKey } from './i18n';
import { sanitiseDisplayName } from './policy/displayName';
import { isHangupKey } from './policy/hostFacts';
import { decideLeave } from './policy/leaveLast';
import { selectNeedsPassword } from './selectors';

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
    readonly key: MessageKey;
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
    notices: [],
    log: [],
    seq: 0,
};

type Draft = ImmerDraft<PolicyState>;

function record(state: Draft, event: string, detail?: string): void {
    state.seq += 1;
    state.log.push(detail === undefined ? { seq: state.seq, event } : { seq: state.seq, event, detail });
    if (state.log.length > LOG_LIMIT) {
        state.log.splice(0, state.log.length - LOG_LIMIT);
    }
}

function notify(state: Draft, key: MessageKey, params?: Notice['params']): void {
    const same = state.notices.find(
        notice => notice.key === key && JSON.stringify(notice.params ?? null) === JSON.stringify(params ?? null),
    );

    if (same) {
        // The same news again (a recording restarted and stopped, a role lost twice): counted, not stacked.
        same.count = (same.count ?? 1) + 1;

        return;
    }
    state.seq += 1;
    state.notices.push(params === undefined ? { id: state.seq, key } : { id: state.seq, key, params });
}

function inMeeting(phase: MeetingPhase): phase is Extract<MeetingPhase, { kind: 'joined' | 'leaveBlocked' }> {
    return phase.kind === 'joined' || phase.kind === 'leaveBlocked';
}

function isOver(phase: MeetingPhase): boolean {
    return phase.kind === 'idle' || phase.kind === 'left';
}

/** When the last participant goes while the moderator waits to leave, the moderator may go. */
function leaveIfEmptied(state: Draft): void {
    if (state.phase.kind === 'leaveBlocked' && Object.keys(state.participants).length === 0) {
        record(state, 'roomEmptied');
        state.phase = { kind: 'leaving', room: state.phase.room, via: 'roomEmptied' };
    }
}

function setLocalRole(state: Draft, role: Role): void {
    if (!state.local) {
        return;
    }
    const before = state.local.role;

    state.local = { ...state.local, role };
    if (before === 'moderator' && role !== 'moderator' && state.teaching) {
        record(state, 'moderatorLost');
        notify(state, 'moderator.lost');
        if (state.phase.kind === 'leaveBlocked') {
            // Without the role we can neither remove nor end for all: hang-up is allowed again.
            state.phase = { kind: 'joined', room: state.phase.room };
        }
    }
    if (role === 'moderator' && state.lock.kind === 'failed') {
        // A role regained is a new chance to lock.
        state.lock = { kind: 'unknown' };
    }
    if (role === 'moderator' && before !== 'moderator' && state.recording.kind === 'stopFailed' && state.teaching) {
        // R9: a recording that could not be stopped is stopped as soon as we can.
        state.recording = { kind: 'stopping', modes: state.recording.modes };
        record(state, 'recordingStopRetried');
    }
}

/** Hang-up: the leave-last decision (R8). A student's session always just leaves. */
function requestHangup(state: Draft): void {
    if (!inMeeting(state.phase)) {
        return;
    }
    const decision = decideLeave({
        localRole: state.teaching ? (state.local?.role ?? 'none') : 'participant',
        others: Object.values(state.participants),
    });

    if (decision.kind === 'mustEmptyRoom') {
        state.phase = { kind: 'leaveBlocked', room: state.phase.room, step: { kind: 'choosing' } };
        record(state, 'leaveBlocked', String(decision.remaining));
    } else {
        state.phase = { kind: 'leaving', room: state.phase.room, via: 'hangup' };
        record(state, 'leaving', decision.kind);
    }
}

const slice = createSlice({
    name: 'schoolPolicy',
    initialState: initialPolicyState,
    reducers: {
        /**
         * The user asked to join `room`; a teacher brings the password for this start (R6), a
         * student (`teaching: false`) the one to join with.
         */
        meetingJoinRequested(
            state,
            action: PayloadAction<{ room: string; password?: string | null; teaching?: boolean }>,
        ) {
            return {
                ...initialPolicyState,
                phase: { kind: 'joining', room: action.payload.room },
                password: action.payload.password ?? null,
                teaching: action.payload.teaching ?? true,
                log: state.log,
                seq: state.seq,
            };
        },

        /** The host reports that we are in the meeting. Role may be missing (then: reported later). */
        meetingJoined(state, action: PayloadAction<{ localId: string; room?: string; role?: Role }>) {
            const { localId } = action.payload;
            const room = action.payload.room ?? (state.phase.kind === 'joining' ? state.phase.room : undefined) ?? '';
            const role = action.payload.role ?? state.earlyRoles[localId] ?? 'none';

            state.phase = { kind: 'joined', room };
            state.local = { id: localId, role };
            delete state.participants[localId];
            state.notOpenRetry = null;
            // Back in after an interruption: that news is over.
            state.notices = state.notices.filter(notice => notice.key !== 'meeting.interrupted');
            record(state, 'joined', room);
        },

        /** A participant's role changed; for the local participant this is how we learn we are moderator. */
        roleChanged(state, action: PayloadAction<{ id: string; role: Role }>) {
            const { id, role } = action.payload;

            if (state.local?.id === id) {
                setLocalRole(state, role);
            } else if (state.participants[id]) {
                state.participants[id] = { ...state.participants[id], role };
            } else if (!isOver(state.phase)) {
                state.earlyRoles[id] = role;
            }
        },

        /** Someone else joined. Fields may be missing; the name is sanitised here. */
        participantJoined(state, action: PayloadAction<{ id: string; name?: string | null; role?: Role }>) {
            const { id } = action.payload;

            if (isOver(state.phase) || state.local?.id === id) {
                return;
            }
            const existing = state.participants[id];

            state.participants[id] = {
                id,
                name: sanitiseDisplayName(action.payload.name).name ?? existing?.name ?? null,
                role: action.payload.role ?? existing?.role ?? state.earlyRoles[id] ?? 'participant',
                joinedBeforeLock: existing?.joinedBeforeLock ?? state.lock.kind !== 'locked',
            };
            delete state.earlyRoles[id];
        },

        /** Someone else left (or was removed). Unknown ids are ignored. */
        participantLeft(state, action: PayloadAction<{ id: string }>) {
            if (!state.participants[action.payload.id]) {
                return;
            }
            delete state.participants[action.payload.id];
            leaveIfEmptied(state);
        },

        /** The teacher looked at someone who joined before the lock and keeps them. */
        participantReviewed(state, action: PayloadAction<{ id: string }>) {
            const participant = state.participants[action.payload.id];

            if (participant) {
                state.participants[action.payload.id] = { ...participant, joinedBeforeLock: false };
            }
        },

        /** The teacher chose to remove one participant (e.g. one who came in before the lock). */
        participantRemovalChosen(_state, _action: PayloadAction<{ id: string }>) {
            // The effect is in the listeners; the state changes when the host reports the departure.
        },

        /** A host that can observe the lock (the fork build) reported it. */
        lockStateObserved(state, action: PayloadAction<{ locked: boolean }>) {
            if (action.payload.locked) {
                state.lock = { kind: 'locked' };
            } else if (state.lock.kind !== 'locking' && state.lock.kind !== 'passwordNeeded') {
                state.lock = { kind: 'unlocked' };
                record(state, 'unlockObserved');
            }
        },

        /** The teacher gave the password that was missing (or a new one). */
        passwordProvided(state, action: PayloadAction<{ password: string }>) {
            state.password = action.payload.password;
            if (state.lock.kind === 'passwordNeeded' || state.lock.kind === 'failed') {
                state.lock = { kind: 'unknown' };
            }
        },

        /** The host reports a recording or stream on or off (R9). */
        recordingStatusChanged(state, action: PayloadAction<{ on: boolean; mode?: RecordingMode }>) {
            if (!action.payload.on) {
                state.recording = { kind: 'off' };

                return;
            }
            const modes: RecordingMode[] = action.payload.mode ? [action.payload.mode] : ['file', 'stream', 'local'];

            state.recording = { kind: 'stopping', modes };
            record(state, 'recordingDetected', modes.join(','));
        },

        /** The user pressed hang-up. The leave-last decision runs here (R8). */
        hangupRequested(state) {
            requestHangup(state);
        },

        /** A toolbar button that notifies instead of running was clicked; a hang-up key is a hang-up (R8). */
        toolbarButtonClicked(state, action: PayloadAction<{ key: string }>) {
            if (isHangupKey(action.payload.key)) {
                requestHangup(state);
            }
        },

        /** The teacher closed the leave-last dialog and stays. */
        leaveCancelled(state) {
            if (state.phase.kind === 'leaveBlocked') {
                state.phase = { kind: 'joined', room: state.phase.room };
            }
        },

        /** "Alle bitten zu gehen": a message to everyone, then wait until they are gone. */
        askAllToLeaveChosen(state) {
            if (state.phase.kind === 'leaveBlocked') {
                state.phase = { ...state.phase, step: { kind: 'asking' } };
            }
        },

        /** The request to leave reached the chat. */
        askedAllToLeave(state) {
            if (state.phase.kind === 'leaveBlocked') {
                state.phase = { ...state.phase, step: { kind: 'askedToLeave' } };
                record(state, 'askedToLeave');
            }
        },

        /** The request to leave could not be sent. */
        askAllToLeaveFailed(state, action: PayloadAction<{ code: PolicyHostErrorCode }>) {
            if (state.phase.kind === 'leaveBlocked') {
                state.phase = { ...state.phase, step: { kind: 'choosing' } };
            }
            record(state, 'askFailed', action.payload.code);
        },

        /** "Alle entfernen und beenden": remove everyone, then leave. */
        removeAllChosen(state) {
            if (state.phase.kind === 'leaveBlocked') {
                const total = Object.keys(state.participants).length;

                state.phase = { ...state.phase, step: { kind: 'removing', total, failed: 0 } };
            }
        },

        /** The host accepted the removal of one participant. */
        participantRemoved(state, action: PayloadAction<{ id: string }>) {
            record(state, 'removed', action.payload.id);
        },

        /** The host refused or failed to remove one participant. */
        participantRemovalFailed(state, action: PayloadAction<{ id: string; code: PolicyHostErrorCode }>) {
            record(state, 'removalFailed', `${action.payload.id}: ${action.payload.code}`);
            if (state.phase.kind === 'leaveBlocked' && state.phase.step.kind === 'removing') {
                const step = state.phase.step;

                state.phase = { ...state.phase, step: { ...step, failed: step.failed + 1 } };
            }
        },

        /** Removing everyone did not empty the room in time. */
        removalTimedOut(state) {
            if (state.phase.kind === 'leaveBlocked') {
                const failed = Object.keys(state.participants).length;

                state.phase = { ...state.phase, step: { kind: 'removalIncomplete', failed } };
                record(state, 'removalIncomplete', String(failed));
                notify(state, 'leave.removalIncomplete', { count: failed });
            }
        },

        /** "Für alle beenden". */
        endForAllChosen(state) {
            if (state.phase.kind === 'leaveBlocked') {
                state.phase = { ...state.phase, step: { kind: 'ending' } };
            }
        },

        /** The host accepted ending the meeting for everyone. */
        endedForAll(state) {
            if (state.phase.kind === 'leaveBlocked') {
                state.phase = { kind: 'leaving', room: state.phase.room, via: 'endForAll' };
                record(state, 'endedForAll');
            }
        },

        /** The host refused to end the meeting for everyone. */
        endForAllFailed(state, action: PayloadAction<{ code: PolicyHostErrorCode }>) {
            if (state.phase.kind === 'leaveBlocked') {
                state.phase = { ...state.phase, step: { kind: 'endFailed' } };
            }
            record(state, 'endForAllFailed', action.payload.code);
            notify(state, 'leave.endFailed');
        },

        /** The lock command went out. */
        lockSent(state) {
            state.lock = { kind: 'locking' };
        },

        /** The host accepted the password (R6). */
        roomLocked(state) {
            state.lock = { kind: 'locked' };
            record(state, 'locked');
        },

        /** The host refused the password. */
        roomLockFailed(state, action: PayloadAction<{ code: PolicyHostErrorCode }>) {
            state.lock = { kind: 'failed', code: action.payload.code };
            record(state, 'lockFailed', action.payload.code);
            notify(state, action.payload.code === 'notModerator' ? 'lock.notModerator' : 'lock.failed');
        },

        /** A recording was stopped by the policy (R9). */
        recordingStopped(state) {
            state.recording = { kind: 'off' };
            record(state, 'recordingStopped');
            notify(state, 'recording.stopped');
        },

        /** A recording could not be stopped. */
        recordingStopFailed(state, action: PayloadAction<{ modes: RecordingMode[]; code: PolicyHostErrorCode }>) {
            state.recording = { kind: 'stopFailed', modes: action.payload.modes };
            record(state, 'recordingStopFailed', action.payload.code);
            notify(state, 'recording.stopFailed');
        },

        /**
         * The server refused our join because the room is not open yet (the host decided with
         * `isNotOpenRefusal`, policy/hostFacts.ts): count down, then try again. A second refusal
         * while counting changes nothing.
         */
        joinRefusedAsNotOpen(state, action: PayloadAction<{ seconds: number }>) {
            if (state.notOpenRetry === null) {
                state.notOpenRetry = { secondsLeft: Math.max(0, Math.round(action.payload.seconds)) };
                record(state, 'refusedNotOpen');
            }
        },

        /** One second of the "not open yet" countdown has passed. */
        notOpenSecondPassed(state) {
            if (state.notOpenRetry !== null && state.notOpenRetry.secondsLeft > 0) {
                state.notOpenRetry.secondsLeft -= 1;
            }
        },

        /** The user chose "Jetzt erneut versuchen": the countdown ends now. */
        notOpenRetryChosen(state) {
            if (state.notOpenRetry !== null) {
                state.notOpenRetry.secondsLeft = 0;
            }
        },

        /** The countdown is over: the host joins again (the portal with a new frame, the fork by reloading). */
        notOpenRetryDue(state) {
            if (state.notOpenRetry !== null) {
                state.notOpenRetry = null;
                record(state, 'retriedAfterNotOpen');
            }
        },

        /**
         * The meeting page lost its connection and will reload itself (jitsi-meet's page-reload
         * overlay): the same start goes on. Back to joining, with the prepared password kept (R6:
         * it was set for this start) and the lock to be confirmed again once we are back in.
         */
        meetingInterrupted(state) {
            if (!inMeeting(state.phase)) {
                return;
            }
            state.phase = { kind: 'joining', room: state.phase.room };
            state.local = null;
            state.participants = {};
            state.lock = { kind: 'unknown' };
            record(state, 'interrupted');
            notify(state, 'meeting.interrupted');
        },

        /** The meeting ended for us. */
        meetingLeft(state, action: PayloadAction<{ reason?: LeftReason } | undefined>) {
            if (state.phase.kind === 'idle' || state.phase.kind === 'left') {
                return;
            }
            const room = state.phase.room;
            const reason = action.payload?.reason ?? 'hangup';

            state.phase = { kind: 'left', room, reason };
            state.participants = {};
            state.earlyRoles = {};
            // The password was for this start only (R6).
            state.password = null;
            state.lock = { kind: 'unknown' };
            record(state, 'left', reason);
        },

        /** The UI dismissed a notice. */
        noticeDismissed(state, action: PayloadAction<{ id: number }>) {
            state.notices = state.notices.filter(notice => notice.id !== action.payload.id);
        },

        /** Back to the start, e.g. after the device clean-up page. */
        policyReset() {
            return initialPolicyState;
        },
    },
});

/** The slice's actions: all events, named in the past tense or as a user's choice. */
export const policyActions = slice.actions;
/**
 * The slice's reducer, mounted under `schoolPolicy` in the portal and `features/school-policy` in the
 * fork. After every event, R6: a moderator of a room not known to be locked, with no password for
 * this start, must give one before anything else (`lock.kind === 'passwordNeeded'`). Whichever event
 * made it so (the join, a role, an unlock), the state says so in the same step.
 */
export const policyReducer: Reducer<PolicyState> = (state, action) => {
    const next = slice.reducer(state, action);

    return selectNeedsPassword(next)
        ? createNextState(next, draft => {
              draft.lock = { kind: 'passwordNeeded' };
              record(draft, 'passwordNeeded');
          })
        : next;
};
/** The slice's name. */
export const POLICY_SLICE_NAME = slice.name;

/** The teacher's choices in the leave-last dialog (R8). */
export type LeaveChoice = 'askAll' | 'removeAll' | 'endForAll' | 'cancel';

/** The event a leave-last choice is, for both hosts' dialogs. */
export function leaveChoiceAction(choice: LeaveChoice): UnknownAction {
    switch (choice) {
        case 'askAll':
            return policyActions.askAllToLeaveChosen();
        case 'removeAll':
            return policyActions.removeAllChosen();
        case 'endForAll':
            return policyActions.endForAllChosen();
        case 'cancel':
            return policyActions.leaveCancelled();
    }
}

/**
 * The meeting as the policy sees it: events (past tense, `events.ts`) and one pure handler each. Effects live in `listeners.ts`.
 *
 * Phases: idle → joining → joined → (leaveBlocked →) leaving → left. Lock state is tracked apart
 * from the phase because the IFrame API never reports it: `unknown` is a real state there.
 */
import { defineEvents } from './events';
import type { RecordingMode, Role, PolicyHostErrorCode } from './host';
import type { NoticeKey } from './i18n/noticeMessages';
import { sanitiseDisplayName } from './policy/displayName';
import { isHangupKey } from './policy/hostFacts';
import { decideLeave } from './policy/leaveLast';
import { withoutKey } from './policy/withoutKey';
import type { Reducer, UnknownAction } from './reduxShapes';
import { selectNeedsPassword } from './selectors';
import {
    LOG_LIMIT,
    initialPolicyState,
    isInMeeting as inMeeting,
    type LeaveStep,
    type LeftReason,
    type LogEntry,
    type MeetingPhase,
    type Notice,
    type Participant,
    type PolicyState,
} from './state';

export * from './state';

/** The state with one more log entry (the log keeps the last {@link LOG_LIMIT}). */
function record(state: PolicyState, event: string, detail?: string): PolicyState {
    const seq = state.seq + 1;
    const entry: LogEntry = detail === undefined ? { seq, event } : { seq, event, detail };

    return { ...state, seq, log: [...state.log, entry].slice(-LOG_LIMIT) };
}

/** The state with a notice shown; the same news again is counted, not stacked (a role lost twice). */
function notify(state: PolicyState, key: NoticeKey, params?: Notice['params']): PolicyState {
    const same = (notice: Notice): boolean =>
        notice.key === key && JSON.stringify(notice.params ?? null) === JSON.stringify(params ?? null);

    if (state.notices.some(same)) {
        return {
            ...state,
            notices: state.notices.map(notice =>
                same(notice) ? { ...notice, count: (notice.count ?? 1) + 1 } : notice,
            ),
        };
    }
    const seq = state.seq + 1;

    return {
        ...state,
        seq,
        notices: [...state.notices, params === undefined ? { id: seq, key } : { id: seq, key, params }],
    };
}

function isOver(phase: MeetingPhase): boolean {
    return phase.kind === 'idle' || phase.kind === 'left';
}

/** The leave-last dialog at another step; nothing changes outside it. */
function atStep(state: PolicyState, step: LeaveStep): PolicyState {
    return state.phase.kind === 'leaveBlocked' ? { ...state, phase: { ...state.phase, step } } : state;
}

/** When the last participant goes while the moderator waits to leave, the moderator may go. */
function leaveIfEmptied(state: PolicyState): PolicyState {
    if (state.phase.kind !== 'leaveBlocked' || Object.keys(state.participants).length > 0) {
        return state;
    }

    return record({ ...state, phase: { kind: 'leaving', room: state.phase.room, via: 'roomEmptied' } }, 'roomEmptied');
}

function setLocalRole(state: PolicyState, role: Role): PolicyState {
    if (!state.local) {
        return state;
    }
    const before = state.local.role;
    let next: PolicyState = { ...state, local: { ...state.local, role } };

    if (before === 'moderator' && role !== 'moderator' && next.teaching) {
        next = notify(record(next, 'moderatorLost'), 'moderator.lost');
        if (next.phase.kind === 'leaveBlocked') {
            // Without the role we can neither remove nor end for all: hang-up is allowed again.
            next = { ...next, phase: { kind: 'joined', room: next.phase.room } };
        }
    }
    if (role === 'moderator' && next.lock.kind === 'failed') {
        // A role regained is a new chance to lock.
        next = { ...next, lock: { kind: 'unknown' } };
    }
    if (role === 'moderator' && before !== 'moderator' && next.recording.kind === 'stopFailed' && next.teaching) {
        // R9: a recording that could not be stopped is stopped as soon as we can.
        next = record(
            { ...next, recording: { kind: 'stopping', modes: next.recording.modes } },
            'recordingStopRetried',
        );
    }

    return next;
}

/** Hang-up: the leave-last decision (R8). A student's session always just leaves. */
function requestHangup(state: PolicyState): PolicyState {
    if (!inMeeting(state.phase)) {
        return state;
    }
    const decision = decideLeave({
        localRole: state.teaching ? (state.local?.role ?? 'none') : 'participant',
        others: Object.values(state.participants),
    });
    const room = state.phase.room;

    return decision.kind === 'mustEmptyRoom'
        ? record(
              { ...state, phase: { kind: 'leaveBlocked', room, step: { kind: 'choosing' } } },
              'leaveBlocked',
              String(decision.remaining),
          )
        : record({ ...state, phase: { kind: 'leaving', room, via: 'hangup' } }, 'leaving', decision.kind);
}

/** The "not open yet" countdown at another second (nothing when there is none). */
function countdownAt(state: PolicyState, secondsLeft: (now: number) => number): PolicyState {
    const now = state.notOpenRetry?.secondsLeft;
    const next = now === undefined ? now : secondsLeft(now);

    return next === now || next === undefined ? state : { ...state, notOpenRetry: { secondsLeft: next } };
}

type S = PolicyState;

/** The slice's name: the prefix of every event's type. */
export const POLICY_SLICE_NAME = 'schoolPolicy';

const events = defineEvents(POLICY_SLICE_NAME, initialPolicyState, {
    /**
     * The user asked to join `room`; a teacher brings the password for this start (R6), a
     * student (`teaching: false`) the one to join with.
     */
    meetingJoinRequested: (state: S, p: { room: string; password?: string | null; teaching?: boolean }): S => ({
        ...initialPolicyState,
        phase: { kind: 'joining', room: p.room },
        password: p.password ?? null,
        teaching: p.teaching ?? true,
        log: state.log,
        seq: state.seq,
    }),

    /** The host reports that we are in the meeting. Role may be missing (then: reported later). */
    meetingJoined: (state: S, p: { localId: string; room?: string; role?: Role }): S => {
        const room = p.room ?? (state.phase.kind === 'joining' ? state.phase.room : undefined) ?? '';

        return record(
            {
                ...state,
                phase: { kind: 'joined', room },
                local: { id: p.localId, role: p.role ?? state.earlyRoles[p.localId] ?? 'none' },
                participants: withoutKey(state.participants, p.localId),
                notOpenRetry: null,
                // Back in after an interruption: that news is over.
                notices: state.notices.filter(notice => notice.key !== 'meeting.interrupted'),
            },
            'joined',
            room,
        );
    },

    /** A participant's role changed; for the local participant this is how we learn we are moderator. */
    roleChanged: (state: S, { id, role }: { id: string; role: Role }): S => {
        const participant = state.participants[id];

        if (state.local?.id === id) {
            return setLocalRole(state, role);
        }
        if (participant) {
            return { ...state, participants: { ...state.participants, [id]: { ...participant, role } } };
        }

        return isOver(state.phase) ? state : { ...state, earlyRoles: { ...state.earlyRoles, [id]: role } };
    },

    /** Someone else joined. Fields may be missing; the name is sanitised here. */
    participantJoined: (state: S, p: { id: string; name?: string | null; role?: Role }): S => {
        if (isOver(state.phase) || state.local?.id === p.id) {
            return state;
        }
        const existing = state.participants[p.id];
        const participant: Participant = {
            id: p.id,
            name: sanitiseDisplayName(p.name).name ?? existing?.name ?? null,
            role: p.role ?? existing?.role ?? state.earlyRoles[p.id] ?? 'participant',
            joinedBeforeLock: existing?.joinedBeforeLock ?? state.lock.kind !== 'locked',
        };

        return {
            ...state,
            participants: { ...state.participants, [p.id]: participant },
            earlyRoles: withoutKey(state.earlyRoles, p.id),
        };
    },

    /** Someone else left (or was removed). Unknown ids are ignored. */
    participantLeft: (state: S, { id }: { id: string }): S =>
        state.participants[id] ? leaveIfEmptied({ ...state, participants: withoutKey(state.participants, id) }) : state,

    /** The teacher looked at someone who joined before the lock and keeps them. */
    participantReviewed: (state: S, { id }: { id: string }): S => {
        const participant = state.participants[id];

        return participant
            ? { ...state, participants: { ...state.participants, [id]: { ...participant, joinedBeforeLock: false } } }
            : state;
    },

    /** The teacher chose to remove one participant (e.g. one who came in before the lock). */
    // The effect is in the listeners; the state changes when the host reports the departure.
    participantRemovalChosen: (state: S, _p: { id: string }): S => state,

    /** A host that can observe the lock (the fork build) reported it. */
    lockStateObserved: (state: S, { locked }: { locked: boolean }): S => {
        if (locked) {
            return { ...state, lock: { kind: 'locked' } };
        }

        return state.lock.kind === 'locking' || state.lock.kind === 'passwordNeeded'
            ? state
            : record({ ...state, lock: { kind: 'unlocked' } }, 'unlockObserved');
    },

    /** The teacher gave the password that was missing (or a new one). */
    passwordProvided: (state: S, { password }: { password: string }): S => ({
        ...state,
        password,
        lock: state.lock.kind === 'passwordNeeded' || state.lock.kind === 'failed' ? { kind: 'unknown' } : state.lock,
    }),

    /** The host reports a recording or stream on or off (R9). */
    recordingStatusChanged: (state: S, { on, mode }: { on: boolean; mode?: RecordingMode }): S => {
        if (!on) {
            return { ...state, recording: { kind: 'off' } };
        }
        const modes: RecordingMode[] = mode ? [mode] : ['file', 'stream', 'local'];

        return record({ ...state, recording: { kind: 'stopping', modes } }, 'recordingDetected', modes.join(','));
    },

    /** The user pressed hang-up. The leave-last decision runs here (R8). */
    hangupRequested: (state: S): S => requestHangup(state),

    /** A toolbar button that notifies instead of running was clicked; a hang-up key is a hang-up (R8). */
    toolbarButtonClicked: (state: S, { key }: { key: string }): S => (isHangupKey(key) ? requestHangup(state) : state),

    /** The teacher closed the leave-last dialog and stays. */
    /** R5: "Missbrauch melden" in the meeting: show where misuse is reported. */
    misuseReportOpened: (state: S): S => ({ ...state, misuseReport: true }),

    /** The misuse dialog was closed. */
    misuseReportClosed: (state: S): S => ({ ...state, misuseReport: false }),

    leaveCancelled: (state: S): S =>
        state.phase.kind === 'leaveBlocked' ? { ...state, phase: { kind: 'joined', room: state.phase.room } } : state,

    /** "Alle bitten zu gehen": a message to everyone, then wait until they are gone. */
    askAllToLeaveChosen: (state: S): S => atStep(state, { kind: 'asking' }),

    /** The request to leave reached the chat. */
    askedAllToLeave: (state: S): S =>
        state.phase.kind === 'leaveBlocked' ? record(atStep(state, { kind: 'askedToLeave' }), 'askedToLeave') : state,

    /** The request to leave could not be sent. */
    askAllToLeaveFailed: (state: S, { code }: { code: PolicyHostErrorCode }): S =>
        record(atStep(state, { kind: 'choosing' }), 'askFailed', code),

    /** "Alle entfernen und beenden": remove everyone, then leave. */
    removeAllChosen: (state: S): S =>
        atStep(state, { kind: 'removing', total: Object.keys(state.participants).length, failed: 0 }),

    /** The host accepted the removal of one participant. */
    participantRemoved: (state: S, { id }: { id: string }): S => record(state, 'removed', id),

    /** The host refused or failed to remove one participant. */
    participantRemovalFailed: (state: S, { id, code }: { id: string; code: PolicyHostErrorCode }): S => {
        const next = record(state, 'removalFailed', `${id}: ${code}`);
        const step = next.phase.kind === 'leaveBlocked' ? next.phase.step : null;

        return step?.kind === 'removing' ? atStep(next, { ...step, failed: step.failed + 1 }) : next;
    },

    /** Removing everyone did not empty the room in time. */
    removalTimedOut: (state: S): S => {
        if (state.phase.kind !== 'leaveBlocked') {
            return state;
        }
        const failed = Object.keys(state.participants).length;

        return notify(
            record(atStep(state, { kind: 'removalIncomplete', failed }), 'removalIncomplete', String(failed)),
            'leave.removalIncomplete',
            { count: failed },
        );
    },

    /** "Für alle beenden". */
    endForAllChosen: (state: S): S => atStep(state, { kind: 'ending' }),

    /** The host accepted ending the meeting for everyone. */
    endedForAll: (state: S): S =>
        state.phase.kind === 'leaveBlocked'
            ? record({ ...state, phase: { kind: 'leaving', room: state.phase.room, via: 'endForAll' } }, 'endedForAll')
            : state,

    /** The host refused to end the meeting for everyone. */
    endForAllFailed: (state: S, { code }: { code: PolicyHostErrorCode }): S =>
        notify(record(atStep(state, { kind: 'endFailed' }), 'endForAllFailed', code), 'leave.endFailed'),

    /** The lock command went out. */
    lockSent: (state: S): S => ({ ...state, lock: { kind: 'locking' } }),

    /** The host accepted the password (R6). */
    roomLocked: (state: S): S => record({ ...state, lock: { kind: 'locked' } }, 'locked'),

    /** The host refused the password. */
    roomLockFailed: (state: S, { code }: { code: PolicyHostErrorCode }): S =>
        notify(
            record({ ...state, lock: { kind: 'failed', code } }, 'lockFailed', code),
            code === 'notModerator' ? 'lock.notModerator' : 'lock.failed',
        ),

    /** A recording was stopped by the policy (R9). */
    recordingStopped: (state: S): S =>
        notify(record({ ...state, recording: { kind: 'off' } }, 'recordingStopped'), 'recording.stopped'),

    /** A recording could not be stopped. */
    recordingStopFailed: (state: S, { modes, code }: { modes: RecordingMode[]; code: PolicyHostErrorCode }): S =>
        notify(
            record({ ...state, recording: { kind: 'stopFailed', modes } }, 'recordingStopFailed', code),
            'recording.stopFailed',
        ),

    /**
     * The server refused our join because the room is not open yet (the host decided with
     * `isNotOpenRefusal`, policy/hostFacts.ts): count down, then try again. A second refusal
     * while counting changes nothing.
     */
    joinRefusedAsNotOpen: (state: S, { seconds }: { seconds: number }): S =>
        state.notOpenRetry === null
            ? record({ ...state, notOpenRetry: { secondsLeft: Math.max(0, Math.round(seconds)) } }, 'refusedNotOpen')
            : state,

    /** One second of the "not open yet" countdown has passed. */
    notOpenSecondPassed: (state: S): S => countdownAt(state, left => Math.max(0, left - 1)),

    /** The user chose "Jetzt erneut versuchen": the countdown ends now. */
    notOpenRetryChosen: (state: S): S => countdownAt(state, () => 0),

    /** The countdown is over: the host joins again (the portal with a new frame, the fork by reloading). */
    notOpenRetryDue: (state: S): S =>
        state.notOpenRetry === null ? state : record({ ...state, notOpenRetry: null }, 'retriedAfterNotOpen'),

    /**
     * The meeting page lost its connection and will reload itself (jitsi-meet's page-reload
     * overlay): the same start goes on. Back to joining, with the prepared password kept (R6:
     * it was set for this start) and the lock to be confirmed again once we are back in.
     */
    meetingInterrupted: (state: S): S =>
        inMeeting(state.phase)
            ? notify(
                  record(
                      {
                          ...state,
                          phase: { kind: 'joining', room: state.phase.room },
                          local: null,
                          participants: {},
                          lock: { kind: 'unknown' },
                      },
                      'interrupted',
                  ),
                  'meeting.interrupted',
              )
            : state,

    /** The meeting ended for us. */
    meetingLeft: (state: S, p: { reason?: LeftReason } | undefined): S => {
        if (state.phase.kind === 'idle' || state.phase.kind === 'left') {
            return state;
        }
        const reason = p?.reason ?? 'hangup';

        return record(
            {
                ...state,
                phase: { kind: 'left', room: state.phase.room, reason },
                participants: {},
                earlyRoles: {},
                // The password was for this start only (R6).
                password: null,
                lock: { kind: 'unknown' },
            },
            'left',
            reason,
        );
    },

    /** The UI dismissed a notice. */
    noticeDismissed: (state: S, { id }: { id: number }): S => ({
        ...state,
        notices: state.notices.filter(notice => notice.id !== id),
    }),

    /** Back to the start, e.g. after the device clean-up page. */
    policyReset: (_state: S): S => initialPolicyState,
});

/** The slice's actions: all events, named in the past tense or as a user's choice. */
export const policyActions = events.actions;
/**
 * The slice's reducer, mounted under `schoolPolicy` in the portal and `features/school-policy` in the
 * fork. After every event, R6: a moderator of a room not known to be locked, with no password for
 * this start, must give one before anything else (`lock.kind === 'passwordNeeded'`). Whichever event
 * made it so (the join, a role, an unlock), the state says so in the same step.
 */
export const policyReducer: Reducer<PolicyState> = (state, action) => {
    const next = events.reducer(state, action);

    return selectNeedsPassword(next) ? record({ ...next, lock: { kind: 'passwordNeeded' } }, 'passwordNeeded') : next;
};

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

/** Derived views of {@link PolicyState}. They take the slice's state, not a host's root state. */
import { lockDemand, type LockDemand } from './policy/lockDemand';
import { isInMeeting, type Participant, type PolicyState } from './state';

/** Everyone else in the meeting, in the order they joined. */
export function selectOthers(state: PolicyState): Participant[] {
    return Object.values(state.participants);
}

/** The participants the teacher should review: they came in before the room was locked. */
export function selectJoinedBeforeLock(state: PolicyState): Participant[] {
    return selectOthers(state).filter(participant => participant.joinedBeforeLock);
}

/** True while we are in the meeting (including while the leave-last dialog is open). */
export function selectInMeeting(state: PolicyState): boolean {
    return isInMeeting(state.phase);
}

/** True when we are moderator in a session that acts as the teacher (never a student's). */
export function selectIsModerator(state: PolicyState): boolean {
    return state.teaching && state.local?.role === 'moderator';
}

/** What the room's lock demands of this session now (R6, policy/lockDemand.ts). */
export function selectLockDemand(state: PolicyState): LockDemand {
    return lockDemand({
        inMeeting: isInMeeting(state.phase),
        teachingModerator: selectIsModerator(state),
        lockOpen: state.lock.kind === 'unknown' || state.lock.kind === 'unlocked',
        hasPassword: state.password !== null,
    });
}

/** True when we are moderator of a room that is not known to be locked and we have a password: lock now. */
export function selectShouldLock(state: PolicyState): boolean {
    return selectLockDemand(state) === 'lockNow';
}

/** Like {@link selectShouldLock}, but without a password: the teacher must give one first. */
export function selectNeedsPassword(state: PolicyState): boolean {
    return selectLockDemand(state) === 'passwordNeeded';
}

/** True when a teacher closing the page would leave students behind (R8). */
export function selectWouldLeaveOthersBehind(state: PolicyState): boolean {
    return (
        selectInMeeting(state) &&
        selectIsModerator(state) &&
        selectOthers(state).length > 0 &&
        !selectOthers(state).some(other => other.role === 'moderator')
    );
}

/** Progress of "remove all": how many of those present at the start are gone ("2 von 3 entfernt"). */
export function selectRemovalProgress(state: PolicyState): { total: number; removed: number; failed: number } | null {
    if (state.phase.kind !== 'leaveBlocked' || state.phase.step.kind !== 'removing') {
        return null;
    }
    const { total, failed } = state.phase.step;

    return { total, removed: Math.max(0, total - selectOthers(state).length), failed };
}

/** Which policy dialog a host should show, most urgent first. */
export type PolicyDialog = 'password' | 'leaveLast' | 'misuse' | 'review';

/**
 * The dialog the policy needs now, or null. The password comes first (nothing else may happen in an
 * open room), then the leave-last gate, then where to report misuse when asked for (R5), then
 * reviewing who came in before the lock (R6, R8).
 */
export function selectPolicyDialog(state: PolicyState): PolicyDialog | null {
    if (state.lock.kind === 'passwordNeeded') {
        return 'password';
    }
    if (state.phase.kind === 'leaveBlocked') {
        return 'leaveLast';
    }
    if (state.misuseReport) {
        return 'misuse';
    }
    if (selectInMeeting(state) && selectIsModerator(state) && selectJoinedBeforeLock(state).length > 0) {
        return 'review';
    }

    return null;
}

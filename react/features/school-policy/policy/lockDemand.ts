/**
 * R6: what the room's lock demands of this session right now. One decision for the reducer (which
 * turns "a password is needed" into its lock state) and the selectors (which tell the listener to
 * lock): a teacher's session that is moderator in the meeting, of a room not known to be locked,
 * locks at once with the password prepared for this start, or must get one first.
 */

/** What the lock demands: lock now, ask for a password first, or nothing. */
export type LockDemand = 'lockNow' | 'passwordNeeded' | 'none';

/** The facts the decision rests on. */
export interface LockFacts {
    /** In the meeting (the leave-last dialog open counts). */
    readonly inMeeting: boolean;
    /** Moderator, in a session that acts as the teacher (never a student's, whatever its role). */
    readonly teachingModerator: boolean;
    /** The room is not known to be locked (unknown or unlocked; not locking, locked or failed). */
    readonly lockOpen: boolean;
    /** A password was prepared for this start of the meeting. */
    readonly hasPassword: boolean;
}

/** Decides. */
export function lockDemand(facts: LockFacts): LockDemand {
    if (!facts.inMeeting || !facts.teachingModerator || !facts.lockOpen) {
        return 'none';
    }

    return facts.hasPassword ? 'lockNow' : 'passwordNeeded';
}

/**
 * R6 in the reducer itself: whichever event makes us moderator of a room not known to be locked,
 * with no password for this start, the same step asks for one. No listener is involved.
 */
import {
    initialPolicyState,
    policyActions as a,
    policyReducer,
    type PolicyState,
} from '../../react/features/school-policy';

function run(...actions: ReturnType<(typeof a)[keyof typeof a]>[]): PolicyState {
    return actions.reduce<PolicyState>((state, action) => policyReducer(state, action), initialPolicyState);
}

describe('the password a moderator must give first (R6)', () => {
    it('is asked for when the join reports the moderator role', () => {
        const state = run(
            a.meetingJoinRequested({ room: 'mathe' }),
            a.meetingJoined({ localId: 'me', role: 'moderator' }),
        );

        expect(state.lock).toEqual({ kind: 'passwordNeeded' });
        expect(state.log.map(entry => entry.event)).toEqual(['joined', 'passwordNeeded']);
    });

    it('is asked for when the role comes later, and again after an observed unlock', () => {
        const joined = run(
            a.meetingJoinRequested({ room: 'mathe' }),
            a.meetingJoined({ localId: 'me', role: 'participant' }),
        );

        expect(joined.lock).toEqual({ kind: 'unknown' });
        const moderator = policyReducer(joined, a.roleChanged({ id: 'me', role: 'moderator' }));

        expect(moderator.lock).toEqual({ kind: 'passwordNeeded' });
    });

    it('is not asked for with a prepared password, nor in a student’s session', () => {
        expect(
            run(
                a.meetingJoinRequested({ room: 'mathe', password: 'Igel-Kerze-Hafen-40817' }),
                a.meetingJoined({ localId: 'me', role: 'moderator' }),
            ).lock,
        ).toEqual({ kind: 'unknown' });
        expect(
            run(
                a.meetingJoinRequested({ room: 'mathe', teaching: false }),
                a.meetingJoined({ localId: 'me', role: 'moderator' }),
            ).lock,
        ).toEqual({ kind: 'unknown' });
    });
});

import { isHangupKey, isNotOpenRefusal, policyActions, policyReducer } from '../../react/features/school-policy';

describe('isNotOpenRefusal: one rule for both hosts', () => {
    it.each([
        // lib-jitsi-meet to a guest: the bare connection error, the reason dropped.
        [{ name: 'conference.connectionError', asGuest: true }, true],
        // The same error for a teacher is a real connection failure.
        [{ name: 'conference.connectionError', asGuest: false }, false],
        // With the server's text (the fork sees it): the text decides.
        [
            {
                name: 'conference.connectionError.notAllowed',
                texts: ['Der Raum ist noch nicht geöffnet …'],
                asGuest: false,
            },
            true,
        ],
        [
            { name: 'conference.connectionError.notAllowed', texts: ['The room is not open yet: …'], asGuest: true },
            true,
        ],
        [{ name: 'conference.connectionError.notAllowed', texts: ['members only'], asGuest: false }, false],
        // The admin's own wording: the server's marker decides.
        [
            {
                name: 'conference.connectionError.notAllowed',
                texts: ['Bitte warten Sie auf Ihre Lehrkraft. [school-policy:not-open]'],
                asGuest: false,
            },
            true,
        ],
        // Without texts (the IFrame API passes none): a not-allowed is taken for it.
        [{ name: 'conference.connectionError.notAllowed', asGuest: false }, true],
        [{ name: 'conference.passwordRequired', asGuest: true }, false],
        [{ name: 'conference.authenticationRequired', asGuest: true }, false],
    ])('%j → %s', (facts, expected) => {
        expect(isNotOpenRefusal(facts)).toBe(expected);
    });
});

describe('a toolbar click in the core', () => {
    it('turns the three hang-up keys into the leave-last flow and ignores other keys', () => {
        expect(['hangup', 'hangup-menu', 'end-meeting'].map(isHangupKey)).toEqual([true, true, true]);
        expect(['chat', 'recording', '', 42].map(isHangupKey)).toEqual([false, false, false, false]);
        let state = policyReducer(undefined, policyActions.meetingJoinRequested({ room: 'mathe', password: 'x' }));

        state = policyReducer(state, policyActions.meetingJoined({ localId: 'me', role: 'moderator' }));
        state = policyReducer(state, policyActions.participantJoined({ id: 's1', name: 'Schüler' }));
        expect(policyReducer(state, policyActions.toolbarButtonClicked({ key: 'chat' })).phase.kind).toBe('joined');
        expect(policyReducer(state, policyActions.toolbarButtonClicked({ key: 'end-meeting' })).phase.kind).toBe(
            'leaveBlocked',
        );
    });
});

// Who Jicofo makes moderator, as the two models (Jicofo's and the stand-in's) share it.
import { electOwners, type RoleCandidate } from '../../tools/jicofo-model/roleElection';

const member = (id: string, flags: Partial<RoleCandidate> = {}): RoleCandidate => ({
    id,
    owner: false,
    authenticated: false,
    ...flags,
});

describe('electOwners (ChatRoomRoleManager.kt)', () => {
    it('with authentication, makes every logged-in member moderator and nobody else', () => {
        const members = [
            member('guest'),
            member('teacher', { authenticated: true }),
            member('head', { authenticated: true, owner: true }),
        ];

        expect(electOwners(members, { authentication: true })).toEqual({ grant: ['teacher'], elected: undefined });
    });

    it.each([
        ['the first member of a new room', [member('a'), member('b')], undefined, { grant: ['a'], elected: 'a' }],
        [
            'nobody new while the elected one is there',
            [member('a', { owner: true }), member('b')],
            'a',
            { grant: [], elected: 'a' },
        ],
        [
            'the longest-present member when the elected one left',
            [member('b'), member('c')],
            'a',
            { grant: ['b'], elected: 'b' },
        ],
        [
            'an existing moderator before anyone else',
            [member('b'), member('c', { owner: true })],
            'a',
            { grant: [], elected: 'c' },
        ],
        ['nobody in an empty room', [], 'a', { grant: [], elected: undefined }],
    ])('without authentication, elects %s', (_case, members, elected, expected) => {
        expect(electOwners(members, { authentication: false, elected })).toEqual(expected);
    });
});

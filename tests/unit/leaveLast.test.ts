import { decideLeave } from '../../react/features/school-policy';

describe('decideLeave (R8)', () => {
    it('lets anyone leave an empty room', () => {
        expect(decideLeave({ localRole: 'moderator', others: [] })).toEqual({ kind: 'mayLeave' });
    });

    it('lets students leave at any time', () => {
        expect(
            decideLeave({ localRole: 'participant', others: [{ role: 'moderator' }, { role: 'participant' }] }),
        ).toEqual({
            kind: 'mayLeave',
        });
        expect(decideLeave({ localRole: 'none', others: [{ role: 'participant' }] })).toEqual({ kind: 'mayLeave' });
    });

    it('holds back the last moderator with the count of who is left', () => {
        expect(
            decideLeave({
                localRole: 'moderator',
                others: [{ role: 'participant' }, { role: 'participant' }, { role: 'none' }],
            }),
        ).toEqual({ kind: 'mustEmptyRoom', remaining: 3 });
    });

    it('lets a moderator go when another moderator stays', () => {
        expect(
            decideLeave({ localRole: 'moderator', others: [{ role: 'moderator' }, { role: 'participant' }] }),
        ).toEqual({
            kind: 'otherModeratorRemains',
            moderators: 1,
        });
    });
});

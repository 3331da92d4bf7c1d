// The portal's IFrame adapter, held to the PolicyHost contract against a fake IFrame API that
// follows Jitsi's semantics (no lock event; the lock command is dropped for non-moderators).
import { IFrameHost } from '../../react/features/portal/iframeHost';
import { asExternalApi } from '../../react/features/portal/externalApi';
import { FakeExternalApi } from '../support/fakeExternalApi';

import { describePolicyHostContract } from './policyHostContract';

describePolicyHostContract('IFrameHost (the portal)', () => {
    FakeExternalApi.reset();
    const api = new FakeExternalApi('meet.example.org', { roomName: 'mathe-7b' });
    const host = new IFrameHost(() => undefined, 500);

    host.attach(asExternalApi(api));

    return {
        host,
        join: ({ role, remotes }) => {
            remotes.forEach(id => api.addRemote(id, id));
            api.join({ role });

            return Promise.resolve();
        },
        observe: () => ({
            lockedWith: api.room.password,
            kicked: api.room.kicked,
            endedForAll: api.room.endedForAll,
            left: api.left,
            stoppedRecordings: api.room.stopped,
            messages: api.room.chat,
        }),
        dispose: () => host.detach(),
    };
});

describe('IFrameHost beyond the contract', () => {
    it('disposes the API and removes its listeners when detached (the SDK never does)', () => {
        FakeExternalApi.reset();
        const api = new FakeExternalApi('meet.example.org', { roomName: 'mathe-7b' });
        const host = new IFrameHost(() => undefined);

        host.attach(asExternalApi(api));
        expect(api.listenerCount()).toBeGreaterThan(0);
        host.detach();
        expect(api.disposed).toBe(true);
        expect(api.listenerCount()).toBe(0);
    });

    it('fails a kick that Jitsi never confirms instead of waiting forever', async () => {
        FakeExternalApi.reset();
        const api = new FakeExternalApi('meet.example.org', { roomName: 'mathe-7b' });
        const host = new IFrameHost(() => undefined, 50);

        host.attach(asExternalApi(api));
        api.addRemote('stuck', 'Stuck');
        api.join({ role: 'moderator' });
        // The server ignores the kick: nothing is emitted.
        api.executeCommand = (name: string) => void api.commands.push([name, []]);
        await expect(host.kick('stuck')).rejects.toMatchObject({ code: 'timeout' });
    });

    it('refuses an API object without the methods it needs', () => {
        expect(() => asExternalApi({ executeCommand: () => undefined })).toThrow(/addListener/);
    });
});

// The integration tests rely on FakeHost behaving like a real host; the contract holds it to that.
import { FakeHost } from '../support/fakeHost';

import { describePolicyHostContract } from './policyHostContract';

describePolicyHostContract('FakeHost (the fake the integration tests use)', () => {
    const host = new FakeHost();

    return {
        host,
        join: ({ role, remotes }) => {
            host.join(role, remotes);

            return Promise.resolve();
        },
        observe: () => ({
            lockedWith: host.lockedWith,
            kicked: host.kicked,
            endedForAll: host.endedForAll,
            left: host.left,
            stoppedRecordings: host.stopped,
            messages: host.messages,
        }),
    };
});

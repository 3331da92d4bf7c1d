// The fork build's adapter, held to the PolicyHost contract over a fake lib-jitsi-meet conference
// in the part of jitsi-meet's state it reads (features/recording, as recording/reducer.ts keeps it).
import { JitsiMeetHost } from '../../react/features/school-policy/jitsi-meet/JitsiMeetHost';
import type { IJitsiMeetState, IRecordingSession } from '../../react/features/school-policy/jitsi-meet/types';
import { FakeConference } from '../support/fakeConference';

import { describePolicyHostContract } from './policyHostContract';

describePolicyHostContract('JitsiMeetHost (the fork build)', () => {
    const conference = new FakeConference();
    const sessions: IRecordingSession[] = [];
    const state: IJitsiMeetState = { 'features/recording': { sessionDatas: sessions } };
    let left = false;
    let ended = false;
    const host = new JitsiMeetHost(
        () => state,
        action => (typeof action === 'function' ? (action as () => void)() : action),
        {
            leave: () => () => (left = true),
            endConference: () => () => (ended = true),
            notify: () => ({ type: 'SHOW_NOTIFICATION' }),
            rejoin: () => ({ type: 'REJOIN' }),
        },
    );

    return {
        host,
        join: ({ role, remotes }) => {
            conference.moderator = role === 'moderator';
            remotes.forEach(id => conference.remotes.set(id, { id, name: id, role: 'participant' }));
            // Someone else's server recording is running in this world.
            sessions.push({ id: 'session-1', mode: 'file', status: 'on' });
            state['features/base/conference'] = { conference };

            return Promise.resolve();
        },
        observe: () => ({
            lockedWith: conference.lockedWith,
            kicked: conference.kicked,
            endedForAll: ended,
            left,
            stoppedRecordings: conference.stoppedSessions.map(id =>
                sessions.find(s => s.id === id)?.mode === 'file' ? 'file' : 'stream',
            ),
            messages: conference.messages,
        }),
    };
});

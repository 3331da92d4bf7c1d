/**
 * R9: local recording refused at the point jitsi-meet's own recording middleware goes through.
 * That middleware (recording/middleware.ts) cannot load here (it imports most of jitsi-meet), so
 * its call is checked in its source, and the refusal on jitsi-meet's manager as its source defines it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
    LOCAL_RECORDING_REFUSED,
    refuseLocalRecording,
    type LocalRecordingStarter,
} from '../../react/features/school-policy/jitsi-meet/localRecording';

const RECORDING = join(__dirname, '..', '..', '.cache', 'jitsi-sdk', 'package', 'react', 'features', 'recording');

describe('local recording in the fork build', () => {
    it('is started by jitsi-meet’s middleware through the shared manager, without a config check', () => {
        const middleware = readFileSync(join(RECORDING, 'middleware.ts'), 'utf8');
        const handler = middleware.slice(middleware.indexOf('case START_LOCAL_RECORDING:'));
        const manager = readFileSync(
            join(RECORDING, 'components', 'Recording', 'LocalRecordingManager.web.ts'),
            'utf8',
        );

        expect(handler.slice(0, 400)).toMatch(
            /LocalRecordingManager\.startLocalRecording\(\{\s*dispatch,\s*getState\s*\}, action\.onlySelf\)/,
        );
        expect(handler.slice(0, 400)).not.toMatch(/disable/);
        expect(manager).toMatch(/const LocalRecordingManager: ILocalRecordingManager = \{/);
        expect(manager).toMatch(/async startLocalRecording\(store, onlySelf\)/);
        expect(manager).toMatch(/export default LocalRecordingManager;/);
    });

    it('is refused by the manager: jitsi-meet’s middleware gets a rejection, the teacher a notice', async () => {
        const started: boolean[] = [];
        const manager: LocalRecordingStarter = {
            startLocalRecording: () => {
                started.push(true);

                return Promise.resolve();
            },
        };
        const dispatched: unknown[] = [];

        refuseLocalRecording(manager, () => ({ type: 'SHOW_NOTIFICATION', title: 'Aufnahmen sind verboten.' }));
        await expect(
            manager.startLocalRecording({ dispatch: (action: never) => dispatched.push(action) }, false),
        ).rejects.toThrow(LOCAL_RECORDING_REFUSED);
        expect(started).toEqual([]);
        expect(dispatched).toEqual([{ type: 'SHOW_NOTIFICATION', title: 'Aufnahmen sind verboten.' }]);
    });
});

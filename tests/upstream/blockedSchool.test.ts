/**
 * R5: a blocked school's teacher is told so, not "wrong password". jitsi-meet's login code cannot load
 * here (it imports most of jitsi-meet), so the facts the module relies on are checked in its source:
 * the failed login's action carries the credentials tried, and the login dialog shows any refused
 * login as a wrong password. The module's answer is tested on those actions, with the server port
 * (mod_auth_school_accounts' POST /school-access, tested against Prosody in
 * tests/server/schoolAccounts.test.ts) as a fake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { UnknownAction } from '@reduxjs/toolkit';
import * as authenticationTypes from 'jitsi-meet/authentication/actionTypes';
import * as connectionTypes from 'jitsi-meet/base/connection/actionTypes';

import type { SchoolAccess } from '../../react/features/school-policy/jitsi-meet/blockedSchool';

import { storeWithNotices } from './registeredStore';

const FEATURES = join(__dirname, '..', '..', '.cache', 'jitsi-sdk', 'package', 'react', 'features');
const CREDENTIALS = { jid: 'gy-mitte@meet.example.org', password: 'ab2c-de3f-gh4j-km5n-pq6r' };

function meetingPage(blocked: boolean) {
    const asked: [string, string][] = [];
    const schoolAccess: SchoolAccess = (jid, password) => {
        asked.push([jid, password]);

        return Promise.resolve({ blocked });
    };

    return { ...storeWithNotices({ schoolAccess }), asked };
}

/** Waits for the module's question to the server to be answered (bounded, on a condition). */
async function settled(check: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !check(); i += 1) {
        await Promise.resolve();
    }
}

describe('what jitsi-meet does with a refused login', () => {
    it('keeps the credentials tried in the failure, and shows it as a wrong password', () => {
        const actions = readFileSync(join(FEATURES, 'authentication', 'actions.any.ts'), 'utf8');
        const dialog = readFileSync(join(FEATURES, 'authentication', 'components', 'web', 'LoginDialog.tsx'), 'utf8');
        const connection = readFileSync(join(FEATURES, 'base', 'connection', 'actions.any.ts'), 'utf8');

        // _upgradeRoleFinished: { name: authenticationError || connectionError, ...other } (other: credentials, message).
        expect(actions).toMatch(/name: authenticationError \|\| connectionError,\s*\.\.\.other/);
        expect(connection).toMatch(/connectionFailed\(connection, \{\s*credentials,/);
        expect(dialog).toMatch(
            /name === JitsiConnectionErrors\.PASSWORD_REQUIRED[\s\S]{0,400}'dialog\.incorrectPassword'/,
        );
    });
});

describe('a teacher of a blocked school logging in', () => {
    it.each([
        ['in the login dialog of a running meeting', authenticationTypes.UPGRADE_ROLE_FINISHED],
        ['at the start', connectionTypes.CONNECTION_FAILED],
    ])('%s is told that her school is blocked', async (_, type) => {
        const { store, notices, asked } = meetingPage(true);

        store.dispatch({
            type,
            error: { name: 'connection.passwordRequired', credentials: CREDENTIALS, message: null },
            progress: 0,
        } as UnknownAction);
        await settled(() => notices.length > 0);
        expect(asked).toEqual([[CREDENTIALS.jid, CREDENTIALS.password]]);
        expect(notices).toEqual(['Der Zugang Ihrer Schule ist gesperrt. Bitte wenden Sie sich an das Medienzentrum.']);
    });

    it('with a wrong password keeps jitsi-meet’s message alone', async () => {
        const { store, notices, asked } = meetingPage(false);

        store.dispatch({
            type: authenticationTypes.UPGRADE_ROLE_FINISHED,
            error: { name: 'connection.passwordRequired', credentials: CREDENTIALS },
            progress: 0,
        } as UnknownAction);
        await settled(() => asked.length > 0);
        await settled(() => false);
        expect(asked).toHaveLength(1);
        expect(notices).toEqual([]);
    });

    it('asks nothing for other failures or a successful login', () => {
        const { store, asked } = meetingPage(true);

        store.dispatch({ type: authenticationTypes.UPGRADE_ROLE_FINISHED, progress: 1 } as UnknownAction);
        store.dispatch({
            type: connectionTypes.CONNECTION_FAILED,
            error: { name: 'connection.otherError', credentials: CREDENTIALS },
        } as UnknownAction);
        expect(asked).toEqual([]);
    });
});

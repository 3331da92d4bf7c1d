/**
 * A lesson on a sharded deployment in the browser (issue #24): Debian's HAProxy in front of two
 * shards, each the stock jitsi-meet web root with the drop-in served by Debian's nginx, Debian's
 * Prosody with Jitsi's modules and ours, and the Jicofo model; one PostgreSQL holds the schools'
 * accounts (tools/jitsi-web/shardedDeployment.ts, the guide's "More than one server"). Teacher and
 * student in Debian's Chromium talk only to HAProxy; jitsi-meet's own connection (BOSH with
 * `?room=`, react/features/base/connection/actions.any.ts) is what HAProxy routes. One shard is
 * stopped mid-lesson: jitsi-meet's own reload brings both to the other shard, where the room must be
 * opened and locked again before any student gets in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { accountsOnStore, type StoreAccounts } from '../../tools/accounts/onSharedStore';
import { launchChromium } from '../../tools/browser/chromium';
import {
    answerPasswordPrompt,
    fromStore,
    joinFromPrejoin,
    logInAsHost,
    openPrejoin,
    untilState,
} from '../../tools/jitsi-web/meetingPage';
import {
    startShardedDeployment,
    type JitsiShard,
    type ShardedDeployment,
} from '../../tools/jitsi-web/shardedDeployment';
import { writePlugin } from '../../tools/plugin/buildPlugin';
import { startPostgres, type RunningPostgres } from '../../tools/postgres/cluster';

import { deploymentPerson, requireStockWebRoot } from './stockWebRoot';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const NEW_PASSWORD = 'Wolke-Anker-Tisch-52190';
const TIMEOUT = 30000;
/** jitsi-meet notices the lost server, counts down (10–30 s) and reloads. */
const RELOAD_TIMEOUT = 120000;

let store: RunningPostgres;
let deployment: ShardedDeployment;
let accounts: StoreAccounts;
let browser: Browser;
let work: string;
/** Every request to a host other than HAProxy's. */
const foreign = new Set<string>();

jest.setTimeout(300000);

function person(): Promise<Page> {
    return deploymentPerson(browser, deployment, foreign);
}

/** The teacher logs in through jitsi-meet's dialog and sets the password the drop-in asks for. */
async function openAndLock(teacher: Page, password: string): Promise<void> {
    await logInAsHost(teacher, 'gs-nord', accounts.passwordOf('gs-nord'), TIMEOUT);
    const dialog = teacher.getByRole('dialog', { name: 'Passwort festlegen' });

    await dialog.waitFor({ timeout: TIMEOUT });
    await dialog.getByLabel('Passwort', { exact: true }).fill(password);
    await dialog.getByRole('button', { name: 'Passwort setzen' }).click();
    await untilState(teacher, "state['features/base/conference'].locked === 'LOCKED_LOCALLY'", TIMEOUT);
}

beforeAll(async () => {
    const root = requireStockWebRoot();

    work = mkdtempSync(join(tmpdir(), 'sharded-web-'));
    const plugin = await writePlugin(join(work, 'plugin'));

    store = await startPostgres();
    deployment = await startShardedDeployment({
        root,
        libs: [join(plugin.dir, 'libs'), join(root, 'libs')],
        pluginHead: plugin.head,
        store,
        graceSeconds: 60,
    });
    accounts = accountsOnStore(store, work);
    expect(await accounts.run(['add', 'gs-nord', '--name', 'Grundschule Nord'])).toMatchObject({ code: 0 });
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});

afterAll(async () => {
    const errors = deployment?.shards.filter(shard => shard.running).flatMap(shard => shard.prosody.errors()) ?? [];

    await browser?.close();
    await deployment?.stop();
    store?.stop();
    rmSync(work, { recursive: true, force: true });
    expect(errors).toEqual([]);
});

describe('a lesson on two shards behind HAProxy', () => {
    const room = `erdkunde-6a-${Date.now().toString(36)}`;
    let teacher: Page;
    let student: Page;
    let holding: JitsiShard;

    it('brings teacher and student of a room together on one shard', async () => {
        teacher = await person();
        await openPrejoin(teacher, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(teacher, 'Frau Müller');
        await openAndLock(teacher, PASSWORD);
        student = await person();
        await openPrejoin(student, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(student, 'Mutige Eule');
        await answerPasswordPrompt(student, PASSWORD, TIMEOUT);
        await untilState(student, "Boolean(state['features/base/conference'].conference)", TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].remote.size >= 1", TIMEOUT);
        const holders = deployment.shards.filter(shard => shard.jicofo.rooms().some(r => r.startsWith(`${room}@`)));

        expect(holders).toHaveLength(1);
        holding = holders[0] as JitsiShard;
        // Every BOSH request of the room went through HAProxy to that shard (its own log names it).
        const routed = deployment.front
            .log()
            .split('\n')
            .filter(line => line.includes(`/http-bind?room=${room}`));

        expect(routed.length).toBeGreaterThan(0);
        const index = deployment.shards.indexOf(holding) + 1;

        expect(routed.filter(line => !line.includes(`shards/shard${index} `))).toEqual([]);
    });

    it('brings both back on the other shard after jitsi-meet’s reload when that shard stops, and nobody in before the new password', async () => {
        const reloads = [teacher, student].map(page => page.waitForEvent('load', { timeout: RELOAD_TIMEOUT }));

        await holding.stop();
        // jitsi-meet's own reload (its dialog after the lost connection), through HAProxy.
        await Promise.all(reloads);
        await joinFromPrejoin(student);
        // The room went with the shard: the student waits for the teacher again, outside.
        await student.getByText('Warten auf den Beginn der Konferenz').first().waitFor({ timeout: TIMEOUT });
        await joinFromPrejoin(teacher);
        // The other shard's Jicofo does not know her browser's session: jitsi-meet asks for the log-in
        // again, and the drop-in asks for a password again — the new room has none.
        await openAndLock(teacher, NEW_PASSWORD);
        const other = deployment.shardOf(room);

        expect(other).toBeDefined();
        expect(other).not.toBe(holding);
        expect(await fromStore<boolean>(student, "Boolean(state['features/base/conference'].conference)")).toBe(false);
        // The room on the new shard asks for a password, and the new one lets her in.
        await openPrejoin(student, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(student);
        await answerPasswordPrompt(student, NEW_PASSWORD, TIMEOUT);
        await untilState(student, "Boolean(state['features/base/conference'].conference)", TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].remote.size >= 1", TIMEOUT);
        // Only the student: nobody of the stopped shard's room came along.
        expect(await fromStore<number>(teacher, "state['features/base/participants'].remote.size")).toBe(1);
        expect(await fromStore<string>(student, "state['features/base/participants'].local?.role")).not.toBe(
            'moderator',
        );
    });

    it('sent no request to any host but HAProxy’s', () => {
        expect([...foreign]).toEqual([]);
    });
});

/**
 * The media centre's school accounts (R3, R5) against Debian's Prosody: the accounts tool works on the
 * live server through its admin shell, and the server (mod_auth_school_accounts, mod_school_policy)
 * holds a block on its own — no login over the wire, no vouch from Jicofo, no session left open.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import WebSocket from 'ws';

import { runAccounts, type AccountsDeps } from '../../tools/accounts/accountsCommand';
import { passwordInNewestLetter } from '../../tools/accounts/letters';
import { localAccountSettings } from '../../tools/accounts/localSettings';
import { prosodyShell } from '../../tools/accounts/prosodyAdmin';
import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { sessionThroughLoginDialog, startJicofoOn } from '../../tools/jicofo-model/onTestServer';
import { DOMAINS, startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectAccount, connectGuest, type Person } from '../../tools/prosody/xmppClients';

const BLOCKED = /Der Zugang Ihrer Schule ist gesperrt/;

let prosody: RunningProsody;
let jicofo: RunningJicofo;
let work: string;
let settingsPath: string;
const people: Person[] = [];

jest.setTimeout(60000);

function writeSettings(path: string, overrides: Record<string, unknown> = {}) {
    writeFileSync(path, JSON.stringify({ ...localAccountSettings(prosody, work), ...overrides }));
}

/** Runs the tool in-process against the test server; returns exit code and what it printed. */
async function accounts(args: string[], deps: AccountsDeps = {}) {
    let out = '';
    let err = '';
    const code = await runAccounts(
        [...args, '--settings', settingsPath],
        { out: t => (out += t), err: t => (err += t) },
        {
            admin: prosodyShell(prosody.configPath, { env: prosody.env }),
            ...deps,
        },
    );

    return { code, out, err };
}

/** The password printed in the newest letter for a school: the only place it exists. */
function passwordFromLetter(school: string): string {
    return passwordInNewestLetter(join(work, 'letters'), school);
}

/** Prosody's WebSocket endpoint (mod_websocket, on the same HTTP port as BOSH). */
function websocketService(): string {
    const url = new URL(prosody.bosh ?? '');

    return `ws://${url.host}/xmpp-websocket`;
}

/** Asks the server why a login failed, as the fork build's login does (POST /school-access). */
function askSchoolAccess(body: unknown): Promise<{ status: number; answer: unknown }> {
    const url = new URL(prosody.bosh ?? '');

    return new Promise((resolve, reject) => {
        const req = request(
            {
                host: url.hostname,
                port: url.port,
                path: '/school-access',
                method: 'POST',
                // Prosody serves it on the teacher host, as nginx forwards it with the site's name.
                headers: { host: DOMAINS.teachers, 'content-type': 'application/json' },
                timeout: 10000,
            },
            res => {
                let text = '';

                res.on('data', (chunk: Buffer) => (text += chunk.toString()));
                res.on('end', () => {
                    let answer: unknown = text;

                    try {
                        answer = JSON.parse(text);
                    } catch {
                        // Not JSON: kept as text for the assertion.
                    }
                    resolve({ status: res.statusCode ?? 0, answer });
                });
            },
        );

        req.on('timeout', () => req.destroy(new Error('no answer from /school-access')));
        req.on('error', reject);
        req.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
}

/** A bounded wait: what the server should do within seconds, or a failure that says what. */
async function within<T>(promise: Promise<T>, what: string, timeoutMs = 10000): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;

    try {
        return await Promise.race([
            promise,
            new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
            }),
        ]);
    } finally {
        clearTimeout(timer);
    }
}

async function track(person: Promise<Person>) {
    const connected = await person;

    people.push(connected);

    return connected;
}

/**
 * A teacher through jitsi-meet's login dialog (lib-jitsi-meet `authenticateAndUpgradeRole`, the same
 * sequence tests/server/jicofoFlows.test.ts checks step by step): a second connection with the
 * school's credentials gets a Jicofo session and closes; the anonymous one asks again with it.
 */
async function loginDialog(school: string, password: string, room: string) {
    const anonymous = await track(connectGuest(prosody.service));
    const login = await track(connectAccount(prosody.service, school, password));
    const { machineUid, sessionId, answer } = await sessionThroughLoginDialog(jicofo, anonymous, login, room);

    return { anonymous, machineUid, sessionId, answer: { ...answer, room } };
}

/** A login attempt; resolves with the SASL condition on refusal, "ok" on success. */
async function tryLogin(school: string, password: string, service = prosody.service): Promise<string> {
    try {
        await track(connectAccount(service, school, password));

        return 'ok';
    } catch (error) {
        return String((error as { condition?: string }).condition ?? error);
    }
}

function auditLines(): Record<string, unknown>[] {
    return readFileSync(join(work, 'audit.log'), 'utf8')
        .trim()
        .split('\n')
        .map(line => JSON.parse(line) as Record<string, unknown>);
}

// xmpp.js connects over WebSocket with the global WebSocket, which Node 20 does not have.
Object.assign(globalThis, { WebSocket });

beforeAll(async () => {
    // BOSH on: the server's HTTP service also answers POST /school-access.
    prosody = await startProsody({ graceSeconds: 30, bosh: true, jitsiModules: true });
    jicofo = await startJicofoOn(prosody);
    work = mkdtempSync(join(tmpdir(), 'school-accounts-'));
    settingsPath = join(work, 'settings.json');
    writeSettings(settingsPath);
});

afterEach(async () => {
    await Promise.all(people.splice(0).map(person => person.stop()));
});

afterAll(async () => {
    // The fail-closed test makes the register unreadable on purpose; any other error line fails.
    const errors = (prosody?.errors() ?? []).filter(
        line => !/school_accounts: cannot read .*accounts\.json/.test(line),
    );

    await jicofo?.stop();
    await prosody?.stop();
    rmSync(work, { recursive: true, force: true });
    expect(errors).toEqual([]);
});

describe('a new school', () => {
    it('gets an account on the teacher domain and a letter, the only place its password is', async () => {
        const result = await accounts(['add', 'gs-nord', '--name', 'Grundschule Nord']);

        expect(result).toMatchObject({ code: 0, err: '' });
        const password = passwordFromLetter('gs-nord');

        expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
        expect(result.out).not.toContain(password);
        expect(await tryLogin('gs-nord', password)).toBe('ok');
        const letter = readdirSync(join(work, 'letters')).find(name => name.startsWith('zugangsbrief-gs-nord-')) ?? '';

        expect(statSync(join(work, 'letters', letter)).mode & 0o077).toBe(0);
        expect(readFileSync(join(work, 'audit.log'), 'utf8')).not.toContain(password);
        expect(auditLines().at(-1)).toMatchObject({ action: 'add', school: 'gs-nord' });
    });

    it('is not added twice, and a bad id is explained; nothing changes', async () => {
        const letters = readdirSync(join(work, 'letters')).length;
        const register = readFileSync(join(prosody.dir, 'accounts.json'), 'utf8');

        expect(await accounts(['add', 'gs-nord', '--name', 'Noch einmal'])).toMatchObject({
            code: 2,
            err: expect.stringContaining('Die Schule „gs-nord“ gibt es schon') as unknown,
        });
        expect(await accounts(['add', 'GS Nord!', '--name', 'X', '--lang', 'en'])).toMatchObject({
            code: 2,
            err: expect.stringContaining('is not a valid school id') as unknown,
        });
        expect(await accounts(['add', 'gs-sued'])).toMatchObject({
            code: 2,
            err: expect.stringContaining('--name') as unknown,
        });
        expect(readdirSync(join(work, 'letters'))).toHaveLength(letters);
        expect(readFileSync(join(prosody.dir, 'accounts.json'), 'utf8')).toBe(register);
    });

    it('is not half-added when Prosody is not reachable: no account, no letter, no entry', async () => {
        const letters = readdirSync(join(work, 'letters')).length;
        const elsewhere = mkdtempSync(join(tmpdir(), 'no-prosody-'));
        const result = await accounts(['add', 'rs-west', '--name', 'Realschule West'], {
            admin: prosodyShell(prosody.configPath, { env: { ...prosody.env, SP_DIR: elsewhere } }),
        });

        rmSync(elsewhere, { recursive: true, force: true });
        expect(result).toMatchObject({
            code: 3,
            err: expect.stringContaining('Prosody ist nicht erreichbar') as unknown,
        });
        expect(readdirSync(join(work, 'letters'))).toHaveLength(letters);
        expect(readFileSync(join(prosody.dir, 'accounts.json'), 'utf8')).not.toContain('rs-west');
        expect(await tryLogin('rs-west', 'irgendwas')).toBe('not-authorized');
    });

    it('is not added when the audit log cannot be written', async () => {
        const brokenSettings = join(work, 'broken-settings.json');

        writeSettings(brokenSettings, { auditLog: join(work, 'missing-folder', 'audit.log') });
        let err = '';
        const code = await runAccounts(
            ['add', 'rs-ost', '--name', 'Realschule Ost', '--settings', brokenSettings],
            { out: () => undefined, err: t => (err += t) },
            { admin: prosodyShell(prosody.configPath, { env: prosody.env }) },
        );

        expect(code).toBe(4);
        expect(err).toContain('Das Protokoll');
        expect(await tryLogin('rs-ost', 'irgendwas')).toBe('not-authorized');
    });
});

describe('blocking a school on misuse', () => {
    it('ends its open sessions, refuses its logins and Jicofo’s vouch, until it is unblocked', async () => {
        await accounts(['add', 'gy-mitte', '--name', 'Gymnasium Mitte']);
        const password = passwordFromLetter('gy-mitte');
        const open = await track(connectAccount(prosody.service, 'gy-mitte', password));
        // A teacher who logged in through jitsi-meet's dialog before the block: Jicofo gave her
        // browser a session, and she is in a lesson from her guest address.
        const {
            anonymous,
            machineUid,
            sessionId,
            answer: first,
        } = await loginDialog('gy-mitte', password, `block-${Date.now()}`);

        expect(first).toMatchObject({ ok: true });
        expect(await anonymous.join(first.room, 'Lehrkraft')).toEqual({ ok: true });

        const blocked = await accounts(['block', 'gy-mitte', '--reason', 'Zugangsdaten in Schülerchat gepostet']);

        expect(blocked).toMatchObject({ code: 0, err: '' });
        expect(await within(open.ended(), 'the open session to end')).toMatch(BLOCKED);
        expect(await within(anonymous.ended(), 'the vouched session to end')).toMatch(BLOCKED);
        expect(await tryLogin('gy-mitte', password)).toBe('account-disabled');
        // … over WebSocket too, as a browser connects.
        expect(await tryLogin('gy-mitte', password, websocketService())).toBe('account-disabled');
        // Why, for the one who holds the password — and for nobody else.
        expect(await askSchoolAccess({ jid: 'gy-mitte@meet.test', password })).toEqual({
            status: 200,
            answer: { blocked: true, text: expect.stringMatching(BLOCKED) as unknown },
        });
        expect(await askSchoolAccess({ jid: 'GY-Mitte@Meet.Test', password })).toMatchObject({
            answer: { blocked: true },
        });
        expect(await askSchoolAccess({ jid: 'gy-mitte@meet.test', password: 'geraten' })).toEqual({
            status: 200,
            answer: { blocked: false },
        });
        expect(await askSchoolAccess({ jid: 'gs-nord@meet.test', password: passwordFromLetter('gs-nord') })).toEqual({
            status: 200,
            answer: { blocked: false },
        });
        expect((await askSchoolAccess('kein json')).status).toBe(400);
        expect((await askSchoolAccess({ jid: 'gy-mitte@meet.test' })).status).toBe(400);

        // Her browser still has Jicofo's session: it must not make her a teacher again.
        const again = await track(connectGuest(prosody.service));
        const newRoom = `block-neu-${Date.now()}`;
        const answer = await again.conferenceRequest(jicofo.address, newRoom, { machineUid, sessionId });

        expect(answer).toMatchObject({ ok: true, identity: `gy-mitte@${DOMAINS.teachers}` });
        expect(await again.join(newRoom, 'Lehrkraft')).toMatchObject({ ok: false, condition: 'not-allowed' });
        await prosody.waitForLog(/ignored the focus's identity gy-mitte@meet.test .*: the school is blocked/);

        expect(await accounts(['block', 'gy-mitte', '--reason', 'noch einmal'])).toMatchObject({ code: 2 });
        expect(
            await accounts(['unblock', 'gy-mitte', '--reason', 'Neue Zugangsdaten an die Schulleitung']),
        ).toMatchObject({
            code: 0,
        });
        expect(await tryLogin('gy-mitte', password)).toBe('ok');
        expect(await tryLogin('gy-mitte', password, websocketService())).toBe('ok');
        expect(auditLines().slice(-2)).toEqual([
            expect.objectContaining({
                action: 'block',
                school: 'gy-mitte',
                reason: 'Zugangsdaten in Schülerchat gepostet',
            }),
            expect.objectContaining({
                action: 'unblock',
                school: 'gy-mitte',
                reason: 'Neue Zugangsdaten an die Schulleitung',
            }),
        ]);
    });

    it('refuses every school account while the register is unreadable (fail closed), and says so', async () => {
        const registerPath = join(prosody.dir, 'accounts.json');
        const good = readFileSync(registerPath, 'utf8');
        const password = passwordFromLetter('gs-nord');

        writeFileSync(registerPath, '{ "schools": { "gs-nord": ');
        try {
            expect(await tryLogin('gs-nord', password)).toBe('account-disabled');
            expect(await accounts(['list'])).toMatchObject({
                code: 4,
                err: expect.stringContaining('nicht lesbar') as unknown,
            });
            await prosody.waitForLog(/school_accounts: cannot read .*accounts.json/);
        } finally {
            writeFileSync(registerPath, good);
        }
        expect(await tryLogin('gs-nord', password)).toBe('ok');
    });

    it('names an unknown school instead of doing nothing', async () => {
        expect(await accounts(['block', 'gibt-es-nicht', '--reason', 'x'])).toMatchObject({
            code: 2,
            err: expect.stringContaining('Die Schule „gibt-es-nicht“ gibt es nicht') as unknown,
        });
        expect(await accounts(['block', 'gs-nord'])).toMatchObject({
            code: 2,
            err: expect.stringContaining('--reason') as unknown,
        });
    });
});

describe('new access data for a school', () => {
    it('ends sessions of the old password, and only the new letter’s password logs in', async () => {
        const old = passwordFromLetter('gs-nord');
        const open = await track(connectAccount(prosody.service, 'gs-nord', old));
        // … and the lesson a teacher opened through jitsi-meet's login dialog with the old password.
        const { anonymous, answer } = await loginDialog('gs-nord', old, `rotate-${Date.now()}`);

        expect(answer).toMatchObject({ ok: true, identity: `gs-nord@${DOMAINS.teachers}` });
        expect(await anonymous.join(answer.room, 'Lehrkraft')).toEqual({ ok: true });
        // Letters are named by day: keep the first one apart to read the new one.
        expect(await accounts(['rotate', 'gs-nord'])).toMatchObject({ code: 0 });
        const fresh = passwordFromLetter('gs-nord');

        expect(fresh).not.toBe(old);
        expect(await within(open.ended(), 'the old session to end')).toMatch(/Password changed/);
        expect(await within(anonymous.ended(), 'the vouched session to end')).toMatch(
            /Zugangsdaten Ihrer Schule wurden erneuert/,
        );
        expect(await tryLogin('gs-nord', old)).toBe('not-authorized');
        expect(await tryLogin('gs-nord', fresh)).toBe('ok');
        expect(readFileSync(join(work, 'audit.log'), 'utf8')).not.toContain(fresh);
    });
});

describe('what the media centre sees', () => {
    it('lists schools with status, dates and last login, and nothing about students or addresses', async () => {
        const { code, out } = await accounts(['list', '--json']);
        const rows = JSON.parse(out) as Record<string, unknown>[];

        expect(code).toBe(0);
        expect(rows.map(row => [row.school, row.status])).toEqual([
            ['gs-nord', 'active'],
            ['gy-mitte', 'active'],
        ]);
        expect(rows[0]?.lastLogin).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
        expect(Object.keys(rows[0] ?? {}).sort()).toEqual([
            'created',
            'lastLogin',
            'name',
            'rotated',
            'school',
            'status',
        ]);
        expect(out).not.toMatch(/\d+\.\d+\.\d+\.\d+|guest\.meet\.test/);

        const table = await accounts(['list', '--lang', 'en']);

        expect(table.out).toMatch(/^School\tStatus/);
        expect(table.out).toContain('gs-nord\tactive');
    });

    it('counts rooms per school and day — opened, most at once, outside school hours — and no more', async () => {
        // A school of its own, so that the other tests' rooms do not count here.
        expect(await accounts(['add', 'hs-sued', '--name', 'Hauptschule Süd'])).toMatchObject({ code: 0 });
        const teacher = await track(connectAccount(prosody.service, 'hs-sued', passwordFromLetter('hs-sued')));
        const rooms = [`zaehlen-a-${Date.now()}`, `zaehlen-b-${Date.now()}`];

        for (const room of rooms) {
            expect(await teacher.conferenceRequest(jicofo.address, room, { machineUid: randomUUID() })).toMatchObject({
                ok: true,
            });
            expect(await teacher.join(room, 'Lehrkraft')).toEqual({ ok: true });
        }
        const today = new Date();
        const since = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
        const always = join(work, 'always.json');
        const never = join(work, 'never.json');

        writeSettings(always, { schoolHours: { days: [1, 2, 3, 4, 5, 6, 7], hours: '00:00-24:00' } });
        writeSettings(never, { schoolHours: { days: [], hours: '07:00-17:00' } });
        const report = async (settings: string) => {
            let out = '';

            await runAccounts(['report', '--since', since, '--json', '--settings', settings], {
                out: t => (out += t),
                err: () => undefined,
            });

            return (JSON.parse(out) as { days: Record<string, unknown>[] }).days.find(day => day.school === 'hs-sued');
        };

        expect(await report(always)).toMatchObject({ roomsOpened: 2, mostOpenAtOnce: 2, openedOutsideSchoolHours: 0 });
        expect(await report(never)).toMatchObject({ roomsOpened: 2, openedOutsideSchoolHours: 2 });
        const usage = readFileSync(join(prosody.dir, 'usage.jsonl'), 'utf8');

        expect(usage).not.toMatch(/zaehlen|Lehrkraft|@|127\.0\.0\.1/);
        expect(await accounts(['report', '--since', 'gestern'])).toMatchObject({ code: 2 });
    });
});

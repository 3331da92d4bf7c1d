/**
 * The shared store of a deployment with more than one server (issue #24): two Prosody servers — two
 * shards — on one PostgreSQL (Debian's, a private cluster), both with Prosody's SQL storage (the
 * teachers' accounts) and the school register in the same database (deploy/postgres/schema.sql, read
 * by school_accounts.lib.lua). The accounts tool works on the store only, never on a server: each
 * change is one transaction, and both servers act on it by themselves — logins at once, open
 * sessions within the poll interval. The usage counts of both servers are in the one table the
 * report reads. An unreachable store is a clear error, and nothing is changed.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execFileSync } from 'node:child_process';

import { runAccounts } from '../../tools/accounts/accountsCommand';
import { localAccountSettings } from '../../tools/accounts/localSettings';
import { prosodyShell } from '../../tools/accounts/prosodyAdmin';
import { passwordInNewestLetter } from '../../tools/accounts/letters';
import { until } from '../../tools/net/loopback';
import { startPostgres, type RunningPostgres } from '../../tools/postgres/cluster';
import { DOMAINS, startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectAccount, connectGuest, type Person } from '../../tools/prosody/xmppClients';

const SCHEMA = readFileSync(join(__dirname, '..', '..', 'deploy', 'postgres', 'schema.sql'), 'utf8');
const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'Igel-Kerze-Hafen-40817';
/** How often each server asks the store whether the register changed (seconds). */
const POLL = 1;

let store: RunningPostgres;
let shards: [RunningProsody, RunningProsody];
let work: string;
const people: Person[] = [];

jest.setTimeout(90000);

/** The tool's settings for the store: no Prosody, no register file, no logs of a server. */
function settings(url: string): string {
    const path = join(work, `settings-${Math.random().toString(36).slice(2)}.json`);

    writeFileSync(
        path,
        JSON.stringify({
            store: url,
            pollSeconds: POLL,
            domain: DOMAINS.teachers,
            config: join(ROOT, 'config.js'),
            letters: join(work, 'letters'),
            address: 'https://schule.meet.test',
        }),
    );

    return path;
}

/** Runs the tool in-process; returns its exit code and what it printed. */
async function accounts(args: string[], url = store.url) {
    let out = '';
    let err = '';
    const code = await runAccounts([...args, '--settings', settings(url)], {
        out: text => (out += text),
        err: text => (err += text),
    });

    return { code, out, err };
}

/** The password printed in the newest letter for a school: the only place it exists. */
function passwordFromLetter(school: string): string {
    return passwordInNewestLetter(join(work, 'letters'), school);
}

async function schoolOn(shard: RunningProsody, school: string, password: string): Promise<Person> {
    const teacher = await connectAccount(shard.service, school, password);

    people.push(teacher);

    return teacher;
}

/** Whether a login as this school on this shard is refused. */
async function refused(shard: RunningProsody, school: string, password: string): Promise<boolean> {
    try {
        await schoolOn(shard, school, password);

        return false;
    } catch {
        return true;
    }
}

beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shared-store-'));
    store = await startPostgres();
    // The admin applies the schema before the servers use the store (the tool would too).
    store.query(SCHEMA);
    // One after the other: each registers the test accounts into the shared store before it starts.
    // Their rooms in the shared store too, not in memory as Jitsi's example keeps them: a
    // configuration written without the example (see the test of saved rooms below).
    shards = [
        await startProsody({ graceSeconds: 60, sql: store, sqlPollSeconds: POLL, roomsInGlobalStorage: true }),
        await startProsody({ graceSeconds: 60, sql: store, sqlPollSeconds: POLL, roomsInGlobalStorage: true }),
    ];
});

afterEach(async () => {
    await Promise.all(people.splice(0).map(person => person.stop()));
});

afterAll(async () => {
    const errors = shards.flatMap(shard => shard.errors());

    await Promise.all(shards.map(shard => shard.stop()));
    store?.stop();
    rmSync(work, { recursive: true, force: true });
    expect(errors).toEqual([]);
});

it('adds a school in the store alone: its teacher logs in on either server with the letter’s password', async () => {
    const added = await accounts(['add', 'gs-nord', '--name', 'Grundschule Nord']);
    const password = passwordFromLetter('gs-nord');

    expect(added).toMatchObject({ code: 0, out: expect.stringContaining('Schule „gs-nord“ angelegt') as string });
    await schoolOn(shards[0], 'gs-nord', password);
    await schoolOn(shards[1], 'gs-nord', password);
    expect(store.query("SELECT action FROM school_audit WHERE school = 'gs-nord'")).toBe('add\n');
});

it('blocks a school on every server: open sessions end within the poll interval, new logins are refused', async () => {
    await accounts(['add', 'gs-sued', '--name', 'Grundschule Süd']);
    const password = passwordFromLetter('gs-sued');
    const onOne = await schoolOn(shards[0], 'gs-sued', password);
    const onTwo = await schoolOn(shards[1], 'gs-sued', password);
    const otherSchool = await schoolOn(shards[1], 'gs-nord', passwordFromLetter('gs-nord'));

    const blocked = await accounts(['block', 'gs-sued', '--reason', 'Zugangsdaten weitergegeben']);

    expect(blocked).toMatchObject({ code: 0, out: expect.stringContaining('innerhalb von 1 Sekunden') as string });
    // Nobody told the servers: each found the change at its next poll.
    expect(await onOne.ended()).toMatch(/Der Zugang Ihrer Schule ist gesperrt/);
    expect(await onTwo.ended()).toMatch(/Der Zugang Ihrer Schule ist gesperrt/);
    expect(await refused(shards[0], 'gs-sued', password)).toBe(true);
    expect(await refused(shards[1], 'gs-sued', password)).toBe(true);
    await otherSchool.roundTrip();

    expect((await accounts(['unblock', 'gs-sued'])).code).toBe(0);
    // Each server reads the register again at most a second later.
    await until(async () => !(await refused(shards[1], 'gs-sued', password)), 'a login once unblocked', 10000);
});

it('rotates a school’s password on every server: sessions of the old one end, the new one works', async () => {
    const old = passwordFromLetter('gs-nord');
    const onOne = await schoolOn(shards[0], 'gs-nord', old);

    expect((await accounts(['rotate', 'gs-nord'])).code).toBe(0);
    const fresh = passwordFromLetter('gs-nord');

    expect(fresh).not.toBe(old);
    expect(await onOne.ended()).toMatch(/Die Zugangsdaten Ihrer Schule wurden erneuert/);
    expect(await refused(shards[1], 'gs-nord', old)).toBe(true);
    // A session of the new password stays: another change makes every server look at all sessions
    // again (the witness's end shows that this server has), and the renewed one is still there.
    const renewed = await schoolOn(shards[1], 'gs-nord', fresh);
    const witness = await schoolOn(shards[1], 'gs-sued', passwordFromLetter('gs-sued'));

    await accounts(['block', 'gs-sued', '--reason', 'Probe']);
    expect(await witness.ended()).toMatch(/gesperrt/);
    await renewed.roundTrip();
    await accounts(['unblock', 'gs-sued']);
});

it('reports the lessons of both servers, and lists every school with its state', async () => {
    const password = passwordFromLetter('gs-nord');
    const first = await schoolOn(shards[0], 'gs-nord', password);
    const second = await schoolOn(shards[1], 'gs-nord', password);

    expect(await first.join('shared-1', 'Frau Müller')).toEqual({ ok: true });
    expect(await second.join('shared-2', 'Frau Müller')).toEqual({ ok: true });
    const today = new Date().toISOString().slice(0, 10);

    await until(
        async () => {
            const report = JSON.parse((await accounts(['report', '--since', today, '--json'])).out) as {
                days: { school: string; roomsOpened: number; mostOpenAtOnce: number }[];
            };

            return report.days.some(day => day.school === 'gs-nord' && day.roomsOpened >= 2);
        },
        'both servers’ rooms in the report',
        10000,
    );
    const list = JSON.parse((await accounts(['list', '--json'])).out) as { school: string; status: string }[];

    expect(list.map(row => [row.school, row.status])).toEqual([
        ['gs-nord', 'active'],
        ['gs-sued', 'active'],
    ]);
});

it('says clearly when the store cannot be reached, and changes nothing', async () => {
    const before = readdirSync(join(work, 'letters')).length;
    const result = await accounts(
        ['add', 'gs-west', '--name', 'Grundschule West'],
        'postgres://prosody:x@127.0.0.1:9/schools',
    );

    expect(result.code).toBe(3);
    expect(result.err).toContain('Die gemeinsame Datenbank ist nicht erreichbar');
    expect(readdirSync(join(work, 'letters')).length).toBe(before);
    expect(store.query("SELECT count(*) FROM school_accounts WHERE id = 'gs-west'")).toBe('0\n');
});

it('takes a single server over: Prosody’s migrator moves its accounts, `accounts import` its register, blocks included', async () => {
    // The single server before: Prosody's files and the file register, set up with the tool as usual.
    const single = await startProsody({ graceSeconds: 60 });
    const singleSettings = join(work, 'single.json');
    const onSingle = (args: string[]) =>
        runAccounts(
            [...args, '--settings', singleSettings],
            { out: () => undefined, err: () => undefined },
            { admin: prosodyShell(single.configPath, { env: single.env }) },
        );

    try {
        writeFileSync(
            singleSettings,
            JSON.stringify({ ...localAccountSettings(single, work), letters: join(work, 'letters') }),
        );
        expect(await onSingle(['add', 'gs-alt', '--name', 'Altschule'])).toBe(0);
        expect(await onSingle(['add', 'gs-zu', '--name', 'Geschlossene Schule'])).toBe(0);
        expect(await onSingle(['block', 'gs-zu', '--reason', 'Missbrauch'])).toBe(0);
        // deploy/prosody/README.md, section 7: the accounts with prosody-migrator, then the register.
        const migrator = join(single.dir, 'migrator.cfg.lua');

        writeFileSync(
            migrator,
            `input { type = "internal"; path = ${JSON.stringify(join(single.dir, 'data'))}; hosts = { ["${DOMAINS.teachers}"] = { "accounts" } } }\n` +
                `output { type = "sql"; driver = "PostgreSQL"; host = "127.0.0.1"; port = ${store.port}; database = "${store.database}"; username = "${store.user}"; password = "${store.password}" }\n`,
        );
        execFileSync('prosody-migrator', ['--root', `--config=${migrator}`, 'input', 'output'], { stdio: 'pipe' });
        const imported = await accounts(['import', join(single.dir, 'accounts.json')]);

        expect(imported).toMatchObject({ code: 0, out: expect.stringContaining('2 Schule(n)') as string });
    } finally {
        await single.stop();
    }
    // On the shards: the old letter still works, the block still holds.
    await schoolOn(shards[0], 'gs-alt', passwordFromLetter('gs-alt'));
    await until(
        async () => await refused(shards[1], 'gs-zu', passwordFromLetter('gs-zu')),
        'the block on the shard',
        5000,
    );
    expect(store.query("SELECT count(*) FROM school_audit WHERE action = 'import'")).toBe('2\n');
});

it('takes up a room another server saved in the store as a new lesson: no password, nobody inside', async () => {
    await accounts(['add', 'rs-west', '--name', 'Realschule West']);
    const room = 'werken-9a';
    const teacher = await schoolOn(shards[0], 'rs-west', passwordFromLetter('rs-west'));

    // A persistent room: Prosody writes it to the store at every change, with its password (a
    // server that stops writes every live room, with the people in it: mod_muc's shutdown).
    expect(await teacher.join(room, 'Lehrkraft')).toEqual({ ok: true });
    await teacher.setPassword(room, PASSWORD);
    await teacher.setPersistent(room);
    const guest = await connectGuest(shards[1].service);

    people.push(guest);
    // On the other server the room comes from the store: not with the first one's password (it would
    // let in everyone who knew it, with no teacher there), but as a room no teacher has opened.
    expect(await guest.join(room, 'Mutige Eule', PASSWORD)).toMatchObject({ ok: false, condition: 'not-allowed' });
    await shards[1].waitForLog(new RegExp(`restored ${room}@${DOMAINS.muc.replace(/\./g, '\\.')} as a new lesson`));
    // The first server's own lesson goes on as it was.
    const inFirst = await connectGuest(shards[0].service);

    people.push(inFirst);
    expect(await inFirst.join(room, 'Kluger Fuchs', PASSWORD)).toEqual({ ok: true });
});

/**
 * A sharded deployment on loopback (issue #24): Debian's HAProxy in front of two shards — each
 * Debian's Prosody as Jitsi's example configures it, with mod_school_policy and the Jicofo model —
 * and one PostgreSQL (a private cluster of Debian's) as the shared store of both. Everyone connects
 * through HAProxy over WebSocket with `?room=` in the address, as lib-jitsi-meet does. The shards'
 * own nginx is left out: HAProxy's routing by room is what is tested here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import WebSocket from 'ws';

import { accountsOnStore, type StoreAccounts } from '../../tools/accounts/onSharedStore';
import { startFront, type RunningFront } from '../../tools/haproxy/shardFront';
import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { openRoom, sessionThroughLoginDialog, startJicofoOn } from '../../tools/jicofo-model/onTestServer';
import { until } from '../../tools/net/loopback';
import { startPostgres, type RunningPostgres } from '../../tools/postgres/cluster';
import { DOMAINS, startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectAccount, connectGuest, type Person } from '../../tools/prosody/xmppClients';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = readFileSync(join(ROOT, 'deploy', 'postgres', 'schema.sql'), 'utf8');
const PASSWORD = 'Igel-Kerze-Hafen-40817';

interface Shard {
    readonly prosody: RunningProsody;
    readonly jicofo: RunningJicofo;
    running: boolean;
}

let store: RunningPostgres;
const shards: Shard[] = [];
let front: RunningFront;
let work: string;
/** The accounts tool on the shared store. */
let tool: StoreAccounts;
const people: Person[] = [];

jest.setTimeout(120000);

// xmpp.js connects over WebSocket with the global WebSocket, which Node 20 does not have.
Object.assign(globalThis, { WebSocket });

/** Runs the accounts tool on the store; returns the exit code. */
async function accounts(args: string[]): Promise<number> {
    return (await tool.run(args)).code;
}

function passwordOf(school: string): string {
    return tool.passwordOf(school);
}

async function teacher(school: string, room: string): Promise<Person> {
    const person = await connectAccount(front.websocket(room), school, passwordOf(school));

    people.push(person);

    return person;
}

async function student(room: string): Promise<Person> {
    const person = await connectGuest(front.websocket(room));

    people.push(person);

    return person;
}

/**
 * A teacher who opened her room through jitsi-meet's log-in dialog, through HAProxy: her browser's
 * guest connection, a second connection with the school's credentials for Jicofo's session, then the
 * guest connection again with that session — Jicofo vouches for it on the shard that holds the room.
 */
async function teacherViaLoginDialog(school: string, room: string) {
    const browser = await student(room);
    const jicofo = shards[0]?.jicofo as RunningJicofo;
    const { machineUid, sessionId, answer } = await sessionThroughLoginDialog(
        jicofo,
        browser,
        await teacher(school, room),
        room,
    );

    expect(answer).toMatchObject({ ok: true, identity: `${school}@${DOMAINS.teachers}` });
    expect(await browser.join(room, 'Lehrkraft')).toEqual({ ok: true });
    await browser.becomes(room, 'owner');

    return { browser, machineUid, sessionId };
}

/** The shard whose Jicofo holds the room (the one that opened it). */
function shardOf(room: string): Shard | undefined {
    return shards.find(shard => shard.running && shard.jicofo.rooms().includes(`${room}@${DOMAINS.muc}`));
}

/** The teacher opens and locks a lesson through HAProxy; a student comes in with the password. */
async function lesson(school: string, room: string) {
    const host = await teacher(school, room);
    // The Jicofo models of both shards have the same address, as a client_proxy name would be.
    const jicofo = shards[0]?.jicofo as RunningJicofo;

    expect(await openRoom(jicofo, host, room)).toEqual({ ok: true });
    await host.setPassword(room, PASSWORD);
    const guest = await student(room);

    expect(await guest.join(room, 'Mutige Eule', PASSWORD)).toEqual({ ok: true });

    return { host, guest };
}

beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shards-'));
    store = await startPostgres();
    store.query(SCHEMA);
    tool = accountsOnStore(store, work);
    for (let i = 0; i < 2; i += 1) {
        const prosody = await startProsody({
            graceSeconds: 60,
            jitsiModules: true,
            bosh: true,
            sql: store,
            sqlPollSeconds: 1,
        });

        shards.push({ prosody, jicofo: await startJicofoOn(prosody), running: true });
    }
    front = await startFront(shards.map(shard => new URL(shard.prosody.bosh ?? '').host));
    expect(await accounts(['add', 'gs-nord', '--name', 'Grundschule Nord'])).toBe(0);
    expect(await accounts(['add', 'gs-sued', '--name', 'Grundschule Süd'])).toBe(0);
});

afterEach(async () => {
    await Promise.all(people.splice(0).map(person => person.stop()));
});

afterAll(async () => {
    const errors = shards.filter(shard => shard.running).flatMap(shard => shard.prosody.errors());

    await front?.stop();
    for (const shard of shards.filter(s => s.running)) {
        await shard.jicofo.stop();
        await shard.prosody.stop();
    }
    store?.stop();
    rmSync(work, { recursive: true, force: true });
    expect(errors).toEqual([]);
});

it('puts teacher and students of a room on one shard, and spreads rooms over both', async () => {
    const rooms = ['mathe-7a', 'deutsch-7a', 'englisch-7a', 'musik-7a'];

    for (const room of rooms) {
        await lesson('gs-nord', room);
        // The student met the teacher: both on the shard that holds the room, and on no other.
        expect(shards.filter(shard => shard.jicofo.rooms().includes(`${room}@${DOMAINS.muc}`))).toHaveLength(1);
    }
    const used = new Set(rooms.map(room => shards.indexOf(shardOf(room) as Shard)));

    expect(used).toEqual(new Set([0, 1]));
});

it('takes a blocked school out of both shards at once, with the sessions Jicofo vouched for', async () => {
    const rooms = ['bio-8b', 'chemie-8b', 'physik-8b', 'kunst-8b'];
    const hosts = [];

    for (const room of rooms) {
        hosts.push((await lesson('gs-sued', room)).host);
    }
    expect(new Set(rooms.map(room => shardOf(room)))).toEqual(new Set(shards));
    // Teachers who came in through jitsi-meet's log-in dialog: guest connections Jicofo vouched
    // for, on both shards (no tool reaches a shard's vouches: each shard learns of the block from
    // the store).
    const dialogRooms = ['sport-8b', 'ethik-8b', 'latein-8b', 'religion-8b'];
    const vouched = [];

    for (const room of dialogRooms) {
        vouched.push(await teacherViaLoginDialog('gs-sued', room));
    }
    expect(new Set(dialogRooms.map(room => shardOf(room)))).toEqual(new Set(shards));
    expect(await accounts(['block', 'gs-sued', '--reason', 'Zugangsdaten weitergegeben'])).toBe(0);
    for (const host of hosts) {
        expect(await host.ended()).toMatch(/Der Zugang Ihrer Schule ist gesperrt/);
    }
    for (const { browser } of vouched) {
        expect(await browser.ended()).toMatch(/Der Zugang Ihrer Schule ist gesperrt/);
    }
    // The session her browser kept does not make her a teacher again (the same room: her session
    // is known only to the Jicofo of the shard HAProxy keeps the room on).
    const [first] = vouched;
    const again = await student(dialogRooms[0] ?? '');
    const jicofo = shards[0]?.jicofo as RunningJicofo;

    expect(
        await again.conferenceRequest(jicofo.address, dialogRooms[0] ?? '', {
            machineUid: first?.machineUid ?? '',
            sessionId: first?.sessionId,
        }),
    ).toMatchObject({ ok: true, identity: `gs-sued@${DOMAINS.teachers}` });
    expect(await again.join(dialogRooms[0] ?? '', 'Lehrkraft')).toMatchObject({ ok: false, condition: 'not-allowed' });
    expect(await accounts(['unblock', 'gs-sued'])).toBe(0);
});

it('continues a lesson on the other shard when one stops: the teacher opens it again, nobody gets in without the password', async () => {
    const room = 'geschichte-9c';

    await lesson('gs-nord', room);
    const lost = shardOf(room) as Shard;
    const other = shards.find(shard => shard !== lost) as Shard;

    await lost.jicofo.stop();
    await lost.prosody.stop();
    lost.running = false;
    // jitsi-meet reloads and connects again through HAProxy, which finds the shard down.
    let again: Person | undefined;

    await until(
        async () => {
            again = await teacher('gs-nord', room).catch(() => undefined);

            return again !== undefined;
        },
        'the teacher connected again',
        15000,
    );
    if (!again) {
        throw new Error('no connection');
    }
    const early = await student(room);

    // The room is new on the other shard: no student gets in before the teacher has locked it.
    expect(await early.join(room, 'Mutige Eule')).toMatchObject({ ok: false, condition: 'not-allowed' });
    expect(await openRoom(other.jicofo, again, room)).toEqual({ ok: true });
    expect(await early.join(room, 'Mutige Eule')).toMatchObject({ ok: false, condition: 'not-allowed' });
    await again.setPassword(room, PASSWORD);
    expect(await early.join(room, 'Mutige Eule')).toMatchObject({ ok: false, condition: 'not-authorized' });
    expect(await early.join(room, 'Mutige Eule', PASSWORD)).toEqual({ ok: true });
    expect(shardOf(room)).toBe(other);
});

it('counts the lessons of both shards in the report', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { out } = await tool.run(['report', '--since', today, '--json']);
    const report = JSON.parse(out) as { days: { school: string; roomsOpened: number }[] };
    const opened = (school: string) => report.days.find(day => day.school === school)?.roomsOpened ?? 0;

    // Four lessons of each school, and the one opened again after the shard stopped.
    expect(opened('gs-nord')).toBeGreaterThanOrEqual(6);
    expect(opened('gs-sued')).toBeGreaterThanOrEqual(4);
});

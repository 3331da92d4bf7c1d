/**
 * What the modules report to operations (issue #24, point 5): Prosody's own statistics
 * (`statistics = "internal"`, collected when scraped) served by Prosody 0.12's mod_http_openmetrics
 * at /metrics, as Prometheus scrapes them — refusals by reason, closures, the rooms on the server,
 * blocked logins — per server, and never a room name, an address or a person.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectGuest, connectTeacher, type Person } from '../../tools/prosody/xmppClients';

const PASSWORD = 'Igel-Kerze-Hafen-40817';

let prosody: RunningProsody;
const people: Person[] = [];

jest.setTimeout(60000);

beforeAll(async () => {
    prosody = await startProsody({ graceSeconds: 1, bosh: true, metrics: true });
});

afterAll(async () => {
    await Promise.all(people.map(person => person.stop()));
    const errors = prosody?.errors() ?? [];

    await prosody?.stop();
    expect(errors).toEqual([]);
});

/** The value of one series in Prosody's /metrics, or undefined. */
async function scrape(): Promise<{ text: string; value: (series: string) => number | undefined }> {
    const text = await (await fetch(`http://${new URL(prosody.bosh ?? '').host}/metrics`)).text();

    return {
        text,
        value: series => {
            const line = text.split('\n').find(entry => entry.startsWith(`${series} `));

            return line === undefined ? undefined : Number(line.slice(series.length + 1));
        },
    };
}

it('counts refusals by reason, closures, rooms and blocked logins, and names no room and no person', async () => {
    const teacher = await connectTeacher(prosody.service);
    const student = await connectGuest(prosody.service);

    people.push(teacher, student);
    expect(await student.join('zaehlraum-1', 'Mutige Eule')).toMatchObject({ ok: false });
    expect(await teacher.join('zaehlraum-1', 'Frau Müller')).toEqual({ ok: true });
    expect(await student.join('zaehlraum-1', 'Mutige Eule')).toMatchObject({ ok: false });
    await teacher.setPassword('zaehlraum-1', PASSWORD);
    expect(await student.join('zaehlraum-1', 'Mutige Eule', PASSWORD)).toEqual({ ok: true });
    const during = await scrape();

    expect(during.value('prosody_mod_school_policy__rooms{host="conference.meet.test"}')).toBe(1);
    // The teacher leaves for good: after the grace period the room is closed.
    await teacher.leave('zaehlraum-1');
    await student.destroyed('zaehlraum-1');
    // A blocked school's teacher tries to log in (the register the accounts tool writes).
    writeFileSync(
        join(prosody.dir, 'accounts.json'),
        JSON.stringify({ version: 1, schools: { 'herr-schmidt': { status: 'blocked', reason: 'Test' } } }),
    );
    await expect(connectTeacher(prosody.service, 'herr-schmidt')).rejects.toBeDefined();
    const after = await scrape();
    const policy = (name: string, labels = '') =>
        after.value(`prosody_mod_school_policy__${name}{host="conference.meet.test"${labels}}`);

    expect(policy('refusals_total', ',reason="new_room"')).toBe(1);
    expect(policy('refusals_total', ',reason="not_open"')).toBe(1);
    expect(policy('closures_total')).toBe(1);
    expect(policy('rooms')).toBe(0);
    expect(after.value('prosody_mod_auth_school_accounts__blocked_logins_total{host="meet.test"}')).toBe(1);
    for (const private_ of ['zaehlraum', 'frau-mueller', 'herr-schmidt', 'guest.meet.test/', 'Mutige Eule']) {
        expect(after.text).not.toContain(private_);
    }
});

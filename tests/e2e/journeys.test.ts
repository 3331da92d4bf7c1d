/**
 * The portal end to end in real headless Chromium against the offline Jitsi stand-in: the teacher's
 * and the student's journeys, leave-last, recordings, load failures and refusals, with privacy and
 * accessibility checks along the way.
 */
import type { Frame, Page } from 'playwright-core';

import { teacherPledges } from '../../react/features/school-policy';
import { screenshotPath } from '../../tools/browser/screenshots';

import {
    control,
    foreignRequests,
    meetingFrame,
    newPerson,
    roomState,
    seriousViolations,
    startStack,
    storedText,
    until,
    type Person,
    type Stack,
} from './harness';

const TEACHER_PLEDGES = teacherPledges().map(rule => rule.teacherPledge.de);

let stack: Stack;
let rooms = 0;
const people: Person[] = [];

jest.setTimeout(60000);

beforeAll(async () => {
    stack = await startStack();
});

afterEach(async () => {
    await Promise.all(people.splice(0).map(person => person.context.close()));
});

afterAll(async () => {
    await stack?.close();
});

async function person(): Promise<Person> {
    const created = await newPerson(stack);

    people.push(created);

    return created;
}

function newRoom(): string {
    rooms += 1;

    return `mathe-${rooms}-k3x9q4m7`;
}

/** The teacher prepares and starts a meeting and logs in inside Jitsi; returns the password. */
async function teacherStarts(page: Page, room: string, chosen?: string): Promise<{ password: string; frame: Frame }> {
    await page.goto(`${stack.portal.origin}/lehrkraft`);
    await page.getByLabel('Name des Raums').fill(room);
    if (chosen) {
        await page.getByLabel('Passwort für dieses Meeting').fill(chosen);
    }
    const password = await page.getByLabel('Passwort für dieses Meeting').inputValue();

    for (const pledge of TEACHER_PLEDGES) {
        await page.getByLabel(pledge).check();
    }
    await page.getByRole('button', { name: 'Meeting starten' }).click();
    const frame = await meetingFrame(page, stack.standin.origin);

    await frame.getByRole('button', { name: 'Als Lehrkraft anmelden und beitreten' }).click();

    return { password, frame };
}

/** Waits until the server has applied the teacher's lock (the IFrame API never confirms it). */
async function lockedOnServer(page: Page, room: string, password: string): Promise<void> {
    await page.getByText('Passwortschutz aktiv').waitFor();
    await until(async () => (await roomState(stack, room)).password === password, 'the room password on the server');
}

/** The student fills in the join form (room from the invite link). */
async function studentFillsIn(page: Page, room: string, password: string): Promise<string> {
    await page.goto(`${stack.portal.origin}/beitreten?room=${room}`);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Zufälliger Name' }).click();
    const name = await page.getByLabel('Dein Name (freiwillig)').inputValue();

    await page.getByLabel(/keine Aufnahmen/).check();
    await page.getByLabel(/niemand mithört/).check();
    await page.getByRole('button', { name: 'Beitreten' }).click();

    return name;
}

async function expectPrivate(who: Person, password: string): Promise<void> {
    expect(foreignRequests(who, stack)).toEqual([]);
    expect(who.requests.filter(url => url.includes(encodeURIComponent(password)) || url.includes(password))).toEqual(
        [],
    );
    expect(who.console.filter(line => line.includes(password))).toEqual([]);
    expect(await storedText(who.page)).not.toContain(password);
}

describe('teacher', () => {
    it('locks the room with the password before any student joins, and flags who was inside already', async () => {
        const teacher = await person();
        const room = newRoom();

        await control(stack, `rooms/${room}/students`, { names: ['Frühe Eule', 'Früher Dachs'] });
        await teacher.page.goto(`${stack.portal.origin}/lehrkraft`);
        expect(await seriousViolations(teacher.page)).toEqual([]);
        const { password } = await teacherStarts(teacher.page, room);

        await lockedOnServer(teacher.page, room, password);
        // The IFrame API never confirms a lock; the server applies it a moment after the command.
        await until(
            async () => (await roomState(stack, room)).password === password,
            'the room password on the server',
        );
        const early = teacher.page.getByRole('region', {
            name: '2 Personen waren schon vor dem Passwortschutz im Raum',
        });

        await early.waitFor();
        expect(await seriousViolations(teacher.page)).toEqual([]);
        await early.getByRole('button', { name: 'Frühe Eule entfernen' }).click();
        await until(
            async () => !(await roomState(stack, room)).participants.some(p => p.name === 'Frühe Eule'),
            'Frühe Eule to be removed',
        );
        await expectPrivate(teacher, password);
    });

    it('is held back by the leave-last dialog, removes all three students, leaves, and cleans the device', async () => {
        const teacher = await person();
        const room = newRoom();
        const { page } = teacher;
        const { password, frame } = await teacherStarts(page, room);

        await page.getByText('Passwortschutz aktiv').waitFor();
        await control(stack, `rooms/${room}/students`, { names: ['Anna', 'Ben', 'Cem'] });
        await page.getByText('3 weitere Teilnehmende').waitFor();
        // What Jitsi mirrors into the embedding page on iPad Safari, and what else a page may keep.
        await page.evaluate(async () => {
            localStorage.setItem('jitsiLocalStorage', JSON.stringify({ sessionId: 'teacher-login' }));
            sessionStorage.setItem('jwt', 'x');
            indexedDB.open('leftover');
            await caches.open('leftover');
        });

        await frame.getByRole('button', { name: 'Verlassen' }).click();
        const dialog = page.getByRole('dialog', { name: 'Meeting verlassen' });

        await dialog.getByText('Es sind noch 3 Teilnehmende im Raum.').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect((await roomState(stack, room)).participants.some(p => p.kind === 'teacher')).toBe(true);
        await dialog.getByRole('button', { name: 'Alle entfernen und beenden' }).click();
        await page.getByRole('heading', { name: 'Das Meeting ist beendet.' }).waitFor();
        expect((await roomState(stack, room)).participants).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Dieses Gerät bereinigen' }).click();
        await page.getByRole('button', { name: 'Jetzt bereinigen' }).click();
        await page.getByText('Fertig: Die Daten dieses Portals auf diesem Gerät sind gelöscht.').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        const left = await page.evaluate(async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            databases: (await indexedDB.databases()).length,
            caches: (await caches.keys()).length,
        }));

        expect(left).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });
        await expectPrivate(teacher, password);
    });

    it('stops a recording started by another participant within a second, with a notice', async () => {
        const teacher = await person();
        const room = newRoom();
        const { page } = teacher;

        await teacherStarts(page, room);
        await page.getByText('Passwortschutz aktiv').waitFor();
        await control(stack, `rooms/${room}/recording`, { mode: 'file' });
        const stopped = await until(
            async () => (await roomState(stack, room)).recordingTimes?.stopped ?? undefined,
            'the recording to stop',
        );
        const { recordingTimes } = await roomState(stack, room);

        // Timed by the stand-in's own clock: from the recording's start to its stop.
        expect(stopped - (recordingTimes?.started ?? 0)).toBeLessThan(1000);
        await page.getByText('Eine Aufnahme wurde gestartet und sofort beendet. Aufnahmen sind verboten.').waitFor();
        expect((await roomState(stack, room)).chat.map(c => c.message).join()).toContain(
            'Aufnahmen sind in diesem Meeting verboten',
        );
    });
});

describe('teacher, when the server intervenes', () => {
    it('says so when the moderator role is taken away', async () => {
        const teacher = await person();
        const room = newRoom();
        const { page } = teacher;

        await teacherStarts(page, room);
        await page.getByText('Passwortschutz aktiv').waitFor();
        await control(stack, `rooms/${room}/demote`, {});
        await page.getByText('Sie sind nicht mehr Moderator. Sperren und Entfernen sind nicht mehr möglich.').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
    });

    it('is back in the lesson, with the same password and leave-last, after the connection drops and jitsi-meet reloads', async () => {
        const teacher = await person();
        const room = newRoom();
        const { page } = teacher;
        const { password, frame } = await teacherStarts(page, room);

        await lockedOnServer(page, room, password);
        await control(stack, `rooms/${room}/students`, { names: ['Anna', 'Ben'] });
        await page.getByText('2 weitere Teilnehmende').waitFor();
        await control(stack, `rooms/${room}/drop`, {});
        await page.getByText(/Die Verbindung zum Meeting ist unterbrochen/).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        // jitsi-meet reloads its page in the same frame; the teacher logs in again there.
        await frame.getByText(/Die Seite wird in \d+ Sekunden neu geladen/).waitFor();
        await frame.getByRole('button', { name: 'Als Lehrkraft anmelden und beitreten' }).waitFor();
        await frame.getByRole('button', { name: 'Als Lehrkraft anmelden und beitreten' }).click();
        await until(
            async () =>
                (await roomState(stack, room)).participants.find(p => p.kind === 'teacher' && p.state === 'joined'),
            'the teacher to be back in the meeting',
        );
        await page.getByText('Passwortschutz aktiv').waitFor();
        await page.getByText('2 weitere Teilnehmende').waitFor();
        expect((await roomState(stack, room)).password).toBe(password);
        expect(await page.getByText(/Das Meeting ist beendet|Das Passwort stimmt nicht|Du /).count()).toBe(0);
        expect(await page.getByText(/Die Verbindung zum Meeting ist unterbrochen/).count()).toBe(0);
        // The policy runs again: leaving with students inside is held back.
        await frame.getByRole('button', { name: 'Verlassen' }).click();
        await page
            .getByRole('dialog', { name: 'Meeting verlassen' })
            .getByText('Es sind noch 2 Teilnehmende im Raum.')
            .waitFor();
        expect(await seriousViolations(page)).toEqual([]);
    });

    it('on a deployment without a secure domain: a student moderator does nothing; the teacher locks once Jicofo passes her the role', async () => {
        const teacher = await person();
        const student = await person();
        const room = newRoom();

        await control(stack, 'deployment', { secureDomain: false });
        try {
            // The student is first: stock Jicofo makes her moderator.
            await studentFillsIn(student.page, room, 'Igel-Kerze-Hafen-40817');
            const studentFrame = await meetingFrame(student.page, stack.standin.origin);

            await studentFrame.getByRole('button', { name: 'Beitreten', exact: true }).click();
            await until(
                async () => (await roomState(stack, room)).participants.find(p => p.role === 'moderator'),
                'the student to be moderator',
            );
            const { password } = await teacherStarts(teacher.page, room);

            await teacher.page.getByText(/Jitsi hat Sie nicht zum Moderator gemacht/).waitFor();
            expect(await seriousViolations(teacher.page)).toEqual([]);
            expect((await roomState(stack, room)).password).toBeNull();
            // The student leaves with jitsi-meet's hang-up key; Jicofo elects the teacher.
            await studentFrame.getByRole('button', { name: 'Verlassen' }).click();
            await lockedOnServer(teacher.page, room, password);
        } finally {
            await control(stack, 'deployment', { secureDomain: true });
        }
    });
});

describe('student', () => {
    it('joins with the password and a pseudonym, camera and microphone off; a wrong password is handled', async () => {
        const teacher = await person();
        const student = await person();
        const room = newRoom();
        const { password } = await teacherStarts(teacher.page, room);

        await lockedOnServer(teacher.page, room, password);
        const name = await studentFillsIn(student.page, room, 'Falsch-Falsch-00000');

        await (
            await meetingFrame(student.page, stack.standin.origin)
        )
            .getByRole('button', { name: 'Beitreten', exact: true })
            .click();
        await student.page.getByText('Das Passwort stimmt nicht.').waitFor();
        expect(await seriousViolations(student.page)).toEqual([]);
        await student.page.getByRole('button', { name: 'Zurück zum Formular' }).click();
        expect(await student.page.getByLabel('Dein Name (freiwillig)').inputValue()).toBe(name);
        expect(await student.page.getByLabel('Passwort', { exact: true }).inputValue()).toBe('');

        await student.page.getByLabel('Passwort', { exact: true }).fill(password);
        await student.page.getByRole('button', { name: 'Beitreten' }).click();
        await (
            await meetingFrame(student.page, stack.standin.origin)
        )
            .getByRole('button', { name: 'Beitreten', exact: true })
            .click();
        const joined = await until(
            async () =>
                (await roomState(stack, room)).participants.find(p => p.kind === 'guest' && p.state === 'joined'),
            'the student to be in the meeting',
        );

        expect(joined.name).toBe(name);
        expect(joined.muted).toEqual({ audio: true, video: true });
        await teacher.page.getByText('1 weitere Teilnehmende').waitFor();
        await expectPrivate(student, password);
        await expectPrivate(teacher, password);
    });

    it('completes the journey with the keyboard alone', async () => {
        const teacher = await person();
        const student = await person();
        const room = newRoom();
        const { password } = await teacherStarts(teacher.page, room);

        await lockedOnServer(teacher.page, room, password);
        const { page } = student;

        await page.goto(`${stack.portal.origin}/beitreten?room=${room}`);
        const tabTo = async (target: Page | Frame, matches: string, presses = 40) => {
            for (let i = 0; i < presses; i += 1) {
                await page.keyboard.press('Tab');
                const focused = await target.evaluate(
                    () => `${document.activeElement?.id ?? ''}|${document.activeElement?.textContent ?? ''}`,
                );

                if (focused.includes(matches)) {
                    return;
                }
            }
            throw new Error(`could not reach "${matches}" with Tab`);
        };

        await tabTo(page, 'password|');
        await page.keyboard.type(password);
        await tabTo(page, 'Zufälliger Name');
        await page.keyboard.press('Enter');
        await tabTo(page, 'sp-pledge-R9');
        await page.keyboard.press('Space');
        await tabTo(page, 'sp-pledge-R10');
        await page.keyboard.press('Space');
        await tabTo(page, '|Beitreten');
        await page.keyboard.press('Enter');
        const frame = await meetingFrame(page, stack.standin.origin);

        await tabTo(frame, 'join|');
        await page.keyboard.press('Enter');
        await until(
            async () =>
                (await roomState(stack, room)).participants.some(p => p.kind === 'guest' && p.state === 'joined'),
            'the student to join',
        );
    });

    it('waits for the teacher, and gets in by itself once she has opened and locked the room', async () => {
        const teacher = await person();
        const student = await person();
        const room = newRoom();

        await studentFillsIn(student.page, room, 'Igel-Kerze-Hafen-40817');
        await (
            await meetingFrame(student.page, stack.standin.origin)
        )
            .getByRole('button', { name: 'Beitreten', exact: true })
            .click();
        await student.page.getByText(/Die Lehrkraft hat den Raum noch nicht geöffnet. Bleib hier/).waitFor();
        expect(await student.page.getByText(/conference\./).count()).toBe(0);
        expect(await seriousViolations(student.page)).toEqual([]);
        // The teacher opens the room. Until her lock is there the school module turns the student
        // away; the portal tries again by itself and the student gets in with the password.
        const { password } = await teacherStarts(teacher.page, room, 'Igel-Kerze-Hafen-40817');

        await lockedOnServer(teacher.page, room, password);
        // jitsi-meet asks again every 5 s. Mostly that comes after the lock and she is in by herself;
        // if it came between the teacher's arrival and her lock, the school module turned the student
        // away once: the portal says so and offers to try again, and she joins from
        // jitsi-meet's prejoin screen as before. Both are what a real deployment does.
        const joined = async () =>
            (await roomState(stack, room)).participants.some(p => p.kind === 'guest' && p.state === 'joined');
        const outcome = await until(
            async () =>
                (await joined())
                    ? 'in'
                    : (await student.page
                            .getByText('Die Lehrkraft hat den Raum noch nicht geöffnet.', { exact: true })
                            .count()) > 0
                      ? 'turnedAway'
                      : undefined,
            'the student to be in the meeting or turned away once',
            20000,
        );

        if (outcome === 'turnedAway') {
            await student.page.getByText(/Neuer Versuch in \d+ Sekunden\./).waitFor();
            await student.page.getByRole('button', { name: 'Jetzt erneut versuchen' }).click();
            await (
                await meetingFrame(student.page, stack.standin.origin)
            )
                .getByRole('button', { name: 'Beitreten', exact: true })
                .click({ timeout: 30000 });
            await until(joined, 'the student to be in the meeting after the retry', 30000);
        }
        await teacher.page.getByText('1 weitere Teilnehmende').waitFor();
    });

    it('sees that the room is not open yet, with a countdown, when the teacher has set no password', async () => {
        const directTeacher = await person();
        const student = await person();
        const room = newRoom();

        // A teacher who opened the Jitsi room URL directly, without the portal: nothing locks the room.
        await directTeacher.page.goto(`${stack.standin.origin}/${room}`);
        await directTeacher.page.getByRole('button', { name: 'Als Lehrkraft anmelden und beitreten' }).click();
        await until(
            async () =>
                (await roomState(stack, room)).participants.some(p => p.kind === 'teacher' && p.state === 'joined'),
            'the teacher',
        );

        await studentFillsIn(student.page, room, 'Igel-Kerze-Hafen-40817');
        await (
            await meetingFrame(student.page, stack.standin.origin)
        )
            .getByRole('button', { name: 'Beitreten', exact: true })
            .click();
        await student.page.getByText('Die Lehrkraft hat den Raum noch nicht geöffnet.').waitFor();
        await student.page.getByText(/Neuer Versuch in \d+ Sekunden\./).waitFor();
        expect(await seriousViolations(student.page)).toEqual([]);
        expect((await roomState(stack, room)).participants.some(p => p.kind === 'guest')).toBe(false);
    });
});

describe('loading and pages', () => {
    it('shows an error page when external_api.js fails to load, and the retry works once it is back', async () => {
        const student = await person();
        const room = newRoom();

        await control(stack, 'external-api', { failing: true });
        try {
            await studentFillsIn(student.page, room, 'Igel-Kerze-Hafen-40817');
            await student.page.getByText('Die Videokonferenz konnte nicht geladen werden.').waitFor();
            expect(await seriousViolations(student.page)).toEqual([]);
        } finally {
            await control(stack, 'external-api', { failing: false });
        }
        await student.page.getByRole('button', { name: 'Erneut versuchen' }).click();
        await meetingFrame(student.page, stack.standin.origin);
        expect(await student.page.getByText('Die Videokonferenz konnte nicht geladen werden.').count()).toBe(0);
    });

    it.each(['/', '/beitreten', '/nutzungsordnung', '/bereinigen'])(
        'has no serious accessibility problem on %s',
        async path => {
            const visitor = await person();

            await visitor.page.goto(`${stack.portal.origin}${path}`);
            await visitor.page.locator('main h1').waitFor();
            expect(await seriousViolations(visitor.page)).toEqual([]);
            expect(foreignRequests(visitor, stack)).toEqual([]);
        },
    );
});

describe('the media centre’s identity (config.js schoolPolicy)', () => {
    it('shows its logo, name and colour, and links its terms, privacy statement and misuse contact on every page', async () => {
        const visitor = await person();

        for (const [path, name] of [
            ['/', 'start'],
            ['/lehrkraft', 'teacher'],
            ['/beitreten', 'student'],
        ] as const) {
            await visitor.page.goto(`${stack.portal.origin}${path}`);
            await visitor.page.locator('main h1').waitFor();
            const header = visitor.page.locator('header');
            const footer = visitor.page.getByRole('navigation', { name: 'Weitere Seiten' });

            await header.getByText('Kreismedienzentrum Musterkreis').waitFor();
            // The logo is loaded from the Jitsi server (not a third party) and is really shown.
            await until(
                () =>
                    header
                        .locator('img.logo')
                        .evaluate(
                            img => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
                        ),
                'the logo loaded',
            );
            expect(await header.locator('img.logo').getAttribute('src')).toBe(
                `${stack.standin.origin}/libs/school-policy/logo.svg`,
            );
            expect(await header.evaluate(element => getComputedStyle(element).backgroundColor)).toBe(
                'rgb(29, 92, 138)',
            );
            expect(await footer.getByRole('link', { name: 'Datenschutzerklärung' }).getAttribute('href')).toBe(
                'https://medienzentrum.example.org/jitsi/datenschutz',
            );
            expect(await footer.getByRole('link', { name: 'Missbrauch melden' }).getAttribute('href')).toBe(
                'mailto:jitsi-missbrauch@medienzentrum.example.org',
            );
            expect(await seriousViolations(visitor.page)).toEqual([]);
            await visitor.page.screenshot({ path: screenshotPath(`portal-${name}`) });
        }
        expect(foreignRequests(visitor, stack)).toEqual([]);
    });
});

/**
 * The teacher opens the room: a blocked school is told why it cannot, the teacher logs in and must
 * set a password (the dialogs load from their own chunk in the fork build, with a retry), the server
 * keeps the waiting student out until then, and lets her in with it.
 */
import {
    answerPasswordPrompt,
    fromStore,
    joinFromPrejoin,
    logInAsHost,
    openPrejoin,
    untilState as until,
} from '../../../jitsi-web/meetingPage';
import { teacherOf, type JourneyStepDefinition } from '../journeyContext';

import { PASSWORD, passwordDialog } from './pageHelpers';

const CHUNKS = '**/libs/chunks/**';

export const OPENING_STEPS: readonly JourneyStepDefinition[] = [
    {
        what: 'A teacher of a blocked school logs in at jitsi-meet’s dialog and reads that her school is blocked (R5)',
        only: 'fork',
        async run({ open, options, timeout }) {
            if (!options.blockedSchool) {
                throw new Error('no blocked school account given');
            }
            const page = await open();

            try {
                await openPrejoin(page, `${options.origin}/${options.room}`, timeout);
                await joinFromPrejoin(page, 'Herr Gesperrt');
                await logInAsHost(page, options.blockedSchool.user, options.blockedSchool.password, timeout);

                return await page
                    .getByText(/Der Zugang Ihrer Schule ist gesperrt/)
                    .first()
                    .innerText({ timeout });
            } finally {
                await page.context().close();
            }
        },
    },
    {
        what: 'The teacher logs in at jitsi-meet’s dialog and becomes moderator; the password dialog opens',
        only: 'dropIn',
        async run(context) {
            const { options, timeout } = context;
            const teacher = (context.teacher = await context.open());

            await openPrejoin(teacher, `${options.origin}/${options.room}`, timeout);
            await joinFromPrejoin(teacher, 'Frau Müller');
            await logInAsHost(teacher, options.teacher.user, options.teacher.password, timeout);
            await passwordDialog(teacher).waitFor({ timeout });
        },
    },
    {
        what: 'The teacher logs in and becomes moderator while the dialogs’ chunk cannot load: she reads why',
        only: 'fork',
        async run(context) {
            const { options, timeout } = context;
            const teacher = (context.teacher = await context.open());

            // The connection fails just for the dialogs' chunk (libs/chunks/, jitsi-meet's Makefile).
            await teacher.context().route(CHUNKS, route => route.abort('connectionfailed'));
            await openPrejoin(teacher, `${options.origin}/${options.room}`, timeout);
            await joinFromPrejoin(teacher, 'Frau Müller');
            await logInAsHost(teacher, options.teacher.user, options.teacher.password, timeout);

            return await teacher
                .getByText(/Der Dialog der Schulrichtlinie konnte nicht geladen werden/)
                .first()
                .innerText({ timeout });
        },
    },
    {
        what: '"Erneut laden" loads the dialogs from libs/chunks/: the password dialog opens',
        only: 'fork',
        async run(context) {
            const teacher = teacherOf(context);

            await teacher.context().unroute(CHUNKS);
            await teacher.getByRole('button', { name: 'Erneut laden' }).click({ timeout: context.timeout });
            await passwordDialog(teacher).waitFor({ timeout: context.timeout });
            const loaded = context.chunks.filter(chunk => chunk.startsWith('200 '));

            if (loaded.length === 0) {
                throw new Error(`no chunk came from libs/chunks/: ${context.chunks.join(', ') || 'none asked for'}`);
            }

            return loaded.join(', ');
        },
    },
    {
        what: 'Before the password, the server refuses the waiting student and the page counts down',
        async run(context) {
            const notice = context.student.getByText(/noch nicht geöffnet/).first();

            await notice.waitFor({ timeout: context.timeout * 2 });
            if (!context.fork) {
                // The drop-in's countdown ends in a reload of the page.
                context.studentReloaded = context.student.waitForEvent('load', { timeout: context.timeout * 3 });
            }

            return await notice.innerText();
        },
    },
    {
        what: 'Escape does not close the password dialog',
        async run(context) {
            const teacher = teacherOf(context);

            await teacher.keyboard.press('Escape');
            if (!(await passwordDialog(teacher).isVisible())) {
                throw new Error('the dialog closed');
            }
        },
    },
    {
        what: '"Passwort setzen" locks the room, and jitsi-meet knows it',
        async run(context) {
            const teacher = teacherOf(context);
            const dialog = passwordDialog(teacher);

            await dialog.getByRole('textbox', { name: 'Passwort' }).fill(PASSWORD);
            await dialog.getByRole('button', { name: 'Passwort setzen' }).click();
            await until(teacher, "state['features/school-policy'].lock.kind === 'locked'", context.timeout);
            await until(teacher, "state['features/base/conference'].locked === 'LOCKED_LOCALLY'", context.timeout);
        },
    },
    {
        what: 'The student’s page tries again by itself and gets the password prompt',
        async run(context) {
            const { student, timeout } = context;

            if (!context.fork) {
                await context.studentReloaded;
                await joinFromPrejoin(student);
            }
            await answerPasswordPrompt(student, PASSWORD, timeout * 2);
            await until(student, "Boolean(state['features/base/conference'].conference)", timeout);
        },
    },
    {
        what: 'The student’s name is not stored on the device',
        async run({ student }) {
            const name = await fromStore<string>(student, "state['features/base/settings'].displayName");
            const stored = await student.evaluate(() => JSON.stringify({ ...localStorage }));

            if (stored.includes(name)) {
                throw new Error(`"${name}" found in localStorage`);
            }
        },
    },
];

/**
 * During the lesson: nothing records, the password stays, and no way of leaving past the students
 * works — jitsi-meet's keyboard shortcuts, `APP.conference.hangup()` from the console, a reload.
 */
import {
    answerPasswordPrompt,
    fromStore,
    joinFromPrejoin,
    openPrejoin,
    untilState as until,
} from '../../../jitsi-web/meetingPage';
import { teacherOf, type JourneyStepDefinition } from '../journeyContext';

import { PASSWORD, leaveDialog, openSecurityDialog, passwordDialog } from './pageHelpers';

/** What the teacher could type in the browser console. */
type ConsoleApp = {
    APP: { store: { dispatch(action: object): unknown }; conference: { hangup(requestFeedback?: boolean): unknown } };
};

export const LESSON_STEPS: readonly JourneyStepDefinition[] = [
    {
        what: 'Local recording asked for through jitsi-meet’s store does not start',
        async run(context) {
            const teacher = teacherOf(context);
            // The drop-in's guard stands in front of jitsi-meet's middlewares and swallows the action;
            // in the fork build jitsi-meet's own recording middleware sees it first and calls
            // LocalRecordingManager, which the module makes refuse with a notice (localRecording.ts).
            const swallowed = await teacher.evaluate(
                () =>
                    (window as unknown as ConsoleApp).APP.store.dispatch({
                        type: 'START_LOCAL_RECORDING',
                        onlySelf: false,
                    }) === undefined,
            );

            if (!context.fork && !swallowed) {
                throw new Error('START_LOCAL_RECORDING reached jitsi-meet');
            }
            if (context.fork) {
                await teacher
                    .getByText(/Eine Aufnahme wurde gestartet und sofort beendet/)
                    .first()
                    .waitFor({ timeout: context.timeout });
            }
            if (await fromStore<boolean>(teacher, "state['features/recording'].localRecordingRunning === true")) {
                throw new Error('jitsi-meet reports local recording running');
            }
        },
    },
    {
        what: 'Removing the password in jitsi-meet’s security dialog with a student inside: the server keeps it, the teacher reads why',
        async run(context) {
            const { student, timeout } = context;
            const teacher = teacherOf(context);

            await openSecurityDialog(teacher, timeout);
            await teacher
                .getByRole('dialog', { name: 'Sicherheitsoptionen' })
                .getByRole('button', { name: 'Entfernen' })
                .click({ timeout });
            await teacher
                .getByText(/Der Server hat die Änderung abgelehnt/)
                .first()
                .waitFor({ timeout });
            // jitsi-meet's state, and so its dialog, still shows the password in force.
            await until(teacher, `state['features/base/conference'].password === ${JSON.stringify(PASSWORD)}`, timeout);
            await until(student, "Boolean(state['features/base/conference'].conference)", timeout);
            await teacher.keyboard.press('Escape');
        },
    },
    {
        what: 'None of jitsi-meet’s keyboard shortcuts leaves the meeting',
        async run(context) {
            // jitsi-meet registers its shortcuts in its store (keyboard-shortcuts/reducer.ts); each has
            // a help text naming what it does. abf901a4 has none for leaving; a later one might.
            const help = await fromStore<string[]>(
                teacherOf(context),
                "[...state['features/keyboard-shortcuts'].shortcutsHelp.values()]",
            );
            const leaving = help.filter(text => /hangup|leave|endConference/i.test(text));

            if (help.length === 0 || leaving.length > 0) {
                throw new Error(`shortcuts: ${help.join(', ') || 'none registered'}`);
            }

            return `${help.length} shortcuts, none leaves`;
        },
    },
    {
        what: 'APP.conference.hangup() from the console with the student inside opens "Meeting verlassen"',
        async run(context) {
            const teacher = teacherOf(context);

            await teacher.evaluate(() => void (window as unknown as ConsoleApp).APP.conference.hangup(true));
            await leaveDialog(teacher).waitFor({ timeout: context.timeout });
            await until(teacher, "Boolean(state['features/base/conference'].conference)", context.timeout);
            await leaveDialog(teacher).getByRole('button', { name: 'Abbrechen' }).click();
            await until(teacher, "state['features/school-policy'].phase.kind === 'joined'", context.timeout);
        },
    },
    {
        what: 'The teacher reloads the page: back with the room password, no new one asked',
        async run(context) {
            const { options, timeout } = context;
            const teacher = teacherOf(context);

            // No log-in this time: lib-jitsi-meet sends the session id the browser kept, and Jicofo
            // vouches for the new guest address. The room password is asked, as for everyone.
            await openPrejoin(teacher, `${options.origin}/${options.room}`, timeout);
            await joinFromPrejoin(teacher);
            await answerPasswordPrompt(teacher, PASSWORD, timeout);
            await until(teacher, "state['features/school-policy'].phase.kind === 'joined'", timeout);
            await until(teacher, "state['features/base/participants'].local.role === 'moderator'", timeout);
            const lock = await fromStore<string>(teacher, "state['features/school-policy'].lock.kind");

            if (lock !== 'locked' || (await passwordDialog(teacher).count()) > 0) {
                throw new Error(`the policy's lock is "${lock}"`);
            }
        },
    },
];

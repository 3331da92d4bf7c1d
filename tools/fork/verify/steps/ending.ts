/** The end of the lesson: leave-last, the clean device, and no request to any other host. */
import { untilState as until } from '../../../jitsi-web/meetingPage';
import { teacherOf, type JourneyStepDefinition } from '../journeyContext';

import { leaveDialog, showToolbar } from './pageHelpers';

export const ENDING_STEPS: readonly JourneyStepDefinition[] = [
    {
        what: 'The hang-up button opens "Meeting verlassen" while the student is inside',
        async run(context) {
            const teacher = teacherOf(context);

            // The teacher's session from before the reload lingers until Prosody ends it (15 s of
            // BOSH inactivity here); while it is there, it counts as another moderator.
            await until(
                teacher,
                "Object.keys(state['features/school-policy'].participants).length === 1",
                context.timeout * 2,
            );
            await showToolbar(teacher);
            await teacher.locator('.hangup-button').first().click({ timeout: context.timeout });
            await leaveDialog(teacher).waitFor({ timeout: context.timeout });
        },
    },
    {
        what: '"Alle entfernen und beenden" removes the student, then the teacher leaves',
        async run(context) {
            const teacher = teacherOf(context);

            await leaveDialog(teacher).getByRole('button', { name: 'Alle entfernen und beenden' }).click();
            await until(context.student, "!state['features/base/conference'].conference", context.timeout);
            await until(teacher, "state['features/school-policy'].phase.kind === 'left'", context.timeout);
        },
    },
    {
        what: 'Once the connection has closed, the teacher’s device keeps no name and no login (R4)',
        async run(context) {
            const teacher = teacherOf(context);

            // lib-jitsi-meet writes the session id again while the connection closes, after the
            // meeting's clean-up: only once it is gone does the device show what stays.
            await until(teacher, "!state['features/base/connection'].connection", context.timeout);
            const keys = await teacher.evaluate(() => Object.keys(localStorage));
            const kept = keys.filter(key => key === 'sessionId' || key === 'features/base/settings');

            if (kept.length > 0) {
                throw new Error(`still stored: ${kept.join(', ')}`);
            }
        },
    },
    {
        what: 'No request went to any other host',
        run: ({ foreign }) =>
            foreign.size === 0 ? Promise.resolve() : Promise.reject(new Error([...foreign].join(', '))),
    },
];

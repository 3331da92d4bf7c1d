/** The student arrives before the teacher: links, the hardened config, start muted, the pseudonym. */
import { fromStore, joinFromPrejoin, openPrejoin, untilState as until } from '../../../jitsi-web/meetingPage';
import type { JourneyStepDefinition } from '../journeyContext';

import { CENTRE_PREJOIN_STEPS } from './centre';
import { HOSTILE_HASH, MIXED_HASHES } from './pageHelpers';

type Hardenable = { disable?: boolean; enabled?: boolean } | string[];

export const ARRIVAL_STEPS: readonly JourneyStepDefinition[] = [
    {
        what: 'Links mixing hardened and other parameters, the IFrame API’s included, show the prejoin screen',
        async run({ student, options, timeout }) {
            for (const hash of MIXED_HASHES) {
                await openPrejoin(student, `${options.origin}/${options.room}${hash}`, timeout);
            }
        },
    },
    {
        what: 'Student link with overrides: the config stays hardened',
        async run({ student, options, timeout }) {
            await openPrejoin(student, `${options.origin}/${options.room}${HOSTILE_HASH}`, timeout);
            const config = await fromStore<Record<string, Hardenable>>(student, "state['features/base/config']");
            const hardened =
                (config.localRecording as { disable?: boolean }).disable === true &&
                (config.recordingService as { enabled?: boolean }).enabled === false &&
                (config.liveStreaming as { enabled?: boolean }).enabled === false &&
                (config.buttonsWithNotifyClick as string[]).includes('hangup');

            if (!hardened) {
                throw new Error(`config: ${JSON.stringify(config)}`);
            }
        },
    },
    {
        what: 'Hardening only tightens: keys the deployment set beside hardened ones are kept',
        async run({ student, timeout }) {
            // config.js sets localRecording.notifyAllParticipants next to localRecording.disable.
            await until(
                student,
                "state['features/base/config'].localRecording.notifyAllParticipants === true",
                timeout,
            );
        },
    },
    {
        what: 'Camera and microphone are off at the prejoin screen, against the link’s overrides',
        async run({ student, timeout }) {
            await until(student, "state['features/base/media'].audio.muted === true", timeout);
            await until(student, "state['features/base/media'].video.muted !== 0", timeout);
        },
    },
    {
        what: 'A pseudonym is suggested in the name field',
        async run({ student }) {
            const name = await student.locator('#premeeting-name-input').inputValue();

            if (!/^\p{Lu}\p{Ll}+ \p{Lu}[\p{L}-]+$/u.test(name)) {
                throw new Error(`name field: "${name}"`);
            }

            return name;
        },
    },
    ...CENTRE_PREJOIN_STEPS,
    {
        what: 'Before the teacher, the student waits in jitsi-meet’s own waiting dialog',
        async run({ student, timeout }) {
            await joinFromPrejoin(student);
            await student.getByText('Warten auf den Beginn der Konferenz').first().waitFor({ timeout });
        },
    },
];

/**
 * Where the stock jitsi-meet web root is: ../shared/jitsi-meet-web beside the project (CI has it),
 * or JITSI_MEET_WEB. A machine without it fails the tests that need it with this message.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The web root's path; throws, saying what is missing, when it is not there. */
export function requireStockWebRoot(): string {
    const root = process.env.JITSI_MEET_WEB ?? join(__dirname, '..', '..', '..', 'shared', 'jitsi-meet-web');

    if (!existsSync(join(root, 'index.html'))) {
        throw new Error(
            `The stock jitsi-meet web root is missing at ${root}: CI has it beside the project ` +
                '(../shared/jitsi-meet-web); elsewhere set JITSI_MEET_WEB to a built jitsi-meet web root.',
        );
    }

    return root;
}

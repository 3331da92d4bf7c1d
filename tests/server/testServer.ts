/**
 * The test server of a server test file: Debian's Prosody (tools/prosody/harness.ts) and the Jicofo
 * model on it, started before the file's tests and stopped after them; the people a test connected
 * are disconnected after each test, and any error Prosody logged fails the file.
 */
import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { startJicofoOn } from '../../tools/jicofo-model/onTestServer';
import { startProsody, type ProsodyOptions, type RunningProsody } from '../../tools/prosody/harness';
import type { Person } from '../../tools/prosody/xmppClients';

/** What the file gets once the server runs. */
export interface TestServer {
    readonly prosody: RunningProsody;
    readonly jicofo: RunningJicofo;
}

/**
 * Registers the file's set-up and clean-up (call it at the top level of the file, or of a describe).
 *
 * @param options - how Prosody is set up.
 * @param people - the file's list of connected people, emptied after each test.
 * @param started - receives the running server (the file keeps it in its own variables).
 */
export function serverForTests(options: ProsodyOptions, people: Person[], started: (server: TestServer) => void): void {
    let server: TestServer | undefined;

    beforeAll(async () => {
        const prosody = await startProsody(options);

        server = { prosody, jicofo: await startJicofoOn(prosody) };
        started(server);
    });

    afterEach(async () => {
        await Promise.all(people.splice(0).map(person => person.stop()));
    });

    afterAll(async () => {
        const errors = server?.prosody.errors() ?? [];

        await server?.jicofo.stop();
        await server?.prosody.stop();
        expect(errors).toEqual([]);
    });
}

/**
 * The `PolicyHost` contract suite. Every adapter runs it with a subject that can put the adapter's
 * world into a meeting and report what that world saw; see react/features/school-policy/host.ts
 * for the contract itself.
 */
import {
    PolicyHostError,
    type PolicyHost,
    type PolicyHostErrorCode,
    type RecordingMode,
    type Role,
} from '../../react/features/school-policy';

/** What the world behind a host has seen. */
export interface Observed {
    readonly lockedWith: string | null;
    readonly kicked: readonly string[];
    readonly endedForAll: boolean;
    readonly left: boolean;
    readonly stoppedRecordings: readonly RecordingMode[];
    readonly messages: readonly string[];
}

/** One adapter under test. */
export interface ContractSubject {
    readonly host: PolicyHost;
    /** Joins the meeting with the given local role and these remote participants present. */
    join(options: { role: Role; remotes: readonly string[] }): Promise<void>;
    observe(): Observed;
    dispose?(): void;
}

/** How long any command may take to settle in the contract. */
export const CONTRACT_SETTLE_MS = 2000;

async function settle(promise: Promise<void>): Promise<{ ok: true } | { ok: false; error: unknown }> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
            () => reject(new Error(`did not settle within ${CONTRACT_SETTLE_MS} ms`)),
            CONTRACT_SETTLE_MS,
        );
    });

    try {
        await Promise.race([promise, timeout]);

        return { ok: true };
    } catch (error) {
        if (error instanceof Error && error.message.startsWith('did not settle')) {
            throw error;
        }

        return { ok: false, error };
    } finally {
        clearTimeout(timer);
    }
}

async function expectRejection(promise: Promise<void>, code: PolicyHostErrorCode): Promise<void> {
    const result = await settle(promise);

    expect(result.ok).toBe(false);
    if (!result.ok) {
        expect(result.error).toBeInstanceOf(PolicyHostError);
        expect((result.error as PolicyHostError).code).toBe(code);
    }
}

async function expectAccepted(promise: Promise<void>): Promise<void> {
    expect(await settle(promise)).toEqual({ ok: true });
}

/** Declares the contract tests for one adapter. */
export function describePolicyHostContract(
    name: string,
    makeSubject: () => ContractSubject | Promise<ContractSubject>,
): void {
    describe(`PolicyHost contract: ${name}`, () => {
        let subject: ContractSubject;

        beforeEach(async () => {
            subject = await makeSubject();
        });
        afterEach(() => {
            subject.dispose?.();
        });

        it('refuses every command before the meeting is joined', async () => {
            await expectRejection(subject.host.lock('Igel-Kerze-Hafen-40817'), 'notConnected');
            await expectRejection(subject.host.kick('someone'), 'notConnected');
            await expectRejection(subject.host.endForAll(), 'notConnected');
            await expectRejection(subject.host.stopRecording('file'), 'notConnected');
            await expectRejection(subject.host.sendMessageToAll('hallo'), 'notConnected');
            expect(subject.observe().lockedWith).toBeNull();
        });

        it('locks the room with the given password when moderator', async () => {
            await subject.join({ role: 'moderator', remotes: [] });
            await expectAccepted(subject.host.lock('Igel-Kerze-Hafen-40817'));
            expect(subject.observe().lockedWith).toBe('Igel-Kerze-Hafen-40817');
        });

        it('refuses to lock as a plain participant instead of failing silently', async () => {
            await subject.join({ role: 'participant', remotes: [] });
            await expectRejection(subject.host.lock('Igel-Kerze-Hafen-40817'), 'notModerator');
            expect(subject.observe().lockedWith).toBeNull();
        });

        it('removes a present participant when moderator, and refuses an unknown one', async () => {
            await subject.join({ role: 'moderator', remotes: ['student-1', 'student-2'] });
            await expectAccepted(subject.host.kick('student-2'));
            expect(subject.observe().kicked).toEqual(['student-2']);
            await expectRejection(subject.host.kick('nobody'), 'unknownParticipant');
            expect(subject.observe().kicked).toEqual(['student-2']);
        });

        it('refuses moderator commands to a plain participant', async () => {
            await subject.join({ role: 'participant', remotes: ['student-1'] });
            await expectRejection(subject.host.kick('student-1'), 'notModerator');
            await expectRejection(subject.host.endForAll(), 'notModerator');
            expect(subject.observe().kicked).toEqual([]);
            expect(subject.observe().endedForAll).toBe(false);
        });

        it('ends the meeting for everyone when moderator', async () => {
            await subject.join({ role: 'moderator', remotes: ['student-1'] });
            await expectAccepted(subject.host.endForAll());
            expect(subject.observe().endedForAll).toBe(true);
        });

        it('leaves the meeting', async () => {
            await subject.join({ role: 'participant', remotes: [] });
            await expectAccepted(subject.host.leave());
            expect(subject.observe().left).toBe(true);
        });

        it('stops a recording and sends a message to everyone', async () => {
            await subject.join({ role: 'moderator', remotes: ['student-1'] });
            await expectAccepted(subject.host.stopRecording('file'));
            await expectAccepted(subject.host.sendMessageToAll('Aufnahmen sind verboten.'));
            expect(subject.observe().stoppedRecordings).toEqual(['file']);
            expect(subject.observe().messages).toEqual(['Aufnahmen sind verboten.']);
        });
    });
}

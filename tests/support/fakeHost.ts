/**
 * A fake at our own port: a `PolicyHost` over an in-memory meeting that records every command.
 * It keeps the port's contract (tests/contract), and can be told to fail or hang a command, and to
 * report back to the store what a real host would (a kicked participant leaves, leaving ends the
 * meeting).
 */
import type { UnknownAction } from '@reduxjs/toolkit';

import {
    PolicyHostError,
    policyActions,
    type PolicyHost,
    type PolicyHostErrorCode,
    type RecordingMode,
    type Role,
} from '../../react/features/school-policy';

/** The commands of the port. */
export type HostCommand = keyof PolicyHost;

/** One recorded command. */
export interface HostCall {
    readonly command: HostCommand;
    readonly args: readonly unknown[];
}

/** A fake host and the meeting behind it. */
export class FakeHost implements PolicyHost {
    readonly calls: HostCall[] = [];
    connected = false;
    localRole: Role = 'none';
    readonly remotes = new Set<string>();
    lockedWith: string | null = null;
    readonly kicked: string[] = [];
    readonly messages: string[] = [];
    readonly stopped: RecordingMode[] = [];
    endedForAll = false;
    left = false;
    /** Scripted failures: the next call of a command rejects with this code (once). */
    readonly failNext = new Map<HostCommand, PolicyHostErrorCode>();
    /** Participants whose removal always fails. */
    readonly unkickable = new Set<string>();
    /** Commands that never settle (to test that the core does not wait forever). */
    readonly hang = new Set<HostCommand>();
    /** Where the fake reports events a real host would report; set by tests that use a store. */
    report: (action: UnknownAction) => void = () => undefined;
    /** Whether a kick also makes the participant leave (a real server does; a stuck one does not). */
    kickedParticipantsLeave = true;

    /** Puts the fake into a meeting. */
    join(role: Role, remotes: readonly string[] = []): void {
        this.connected = true;
        this.localRole = role;
        remotes.forEach(id => this.remotes.add(id));
    }

    private async run(command: HostCommand, args: unknown[], needsModerator: boolean): Promise<void> {
        this.calls.push({ command, args });
        if (this.hang.has(command)) {
            return new Promise(() => undefined);
        }
        const scripted = this.failNext.get(command);

        if (scripted) {
            this.failNext.delete(command);
            throw new PolicyHostError(scripted);
        }
        if (!this.connected) {
            throw new PolicyHostError('notConnected');
        }
        if (needsModerator && this.localRole !== 'moderator') {
            throw new PolicyHostError('notModerator');
        }
        await Promise.resolve();
    }

    async lock(password: string): Promise<void> {
        await this.run('lock', [password], true);
        this.lockedWith = password;
    }

    async kick(participantId: string): Promise<void> {
        await this.run('kick', [participantId], true);
        if (!this.remotes.has(participantId)) {
            throw new PolicyHostError('unknownParticipant');
        }
        if (this.unkickable.has(participantId)) {
            throw new PolicyHostError('rejected');
        }
        this.kicked.push(participantId);
        if (this.kickedParticipantsLeave) {
            this.remotes.delete(participantId);
            this.report(policyActions.participantLeft({ id: participantId }));
        }
    }

    async endForAll(): Promise<void> {
        await this.run('endForAll', [], true);
        this.endedForAll = true;
        this.connected = false;
        this.remotes.clear();
        this.report(policyActions.meetingLeft({ reason: 'ended' }));
    }

    async leave(): Promise<void> {
        await this.run('leave', [], false);
        this.left = true;
        this.connected = false;
        this.report(policyActions.meetingLeft({ reason: 'hangup' }));
    }

    async stopRecording(mode: RecordingMode): Promise<void> {
        await this.run('stopRecording', [mode], mode !== 'local');
        this.stopped.push(mode);
    }

    async sendMessageToAll(text: string): Promise<void> {
        await this.run('sendMessageToAll', [text], false);
        this.messages.push(text);
    }

    /** The commands called so far, by name. */
    commands(): HostCommand[] {
        return this.calls.map(call => call.command);
    }
}

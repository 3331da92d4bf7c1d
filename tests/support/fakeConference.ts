/**
 * A fake lib-jitsi-meet conference: the adapter's port to lib-jitsi-meet (`IJitsiConference` in
 * jitsi-meet/types.ts), reporting back what lib-jitsi-meet would.
 */
import type { IJitsiConference, IJitsiParticipant } from '../../react/features/school-policy/jitsi-meet/types';

/** Records locks, kicks, messages and stopped recordings; only a moderator may lock or kick. */
export class FakeConference implements IJitsiConference {
    moderator = false;
    lockedWith: string | null = null;
    readonly remotes = new Map<string, { id: string; name: string; role: string }>();
    readonly kicked: string[] = [];
    readonly messages: string[] = [];
    readonly stoppedSessions: string[] = [];
    onKick: (id: string) => void = () => undefined;

    isModerator(): boolean {
        return this.moderator;
    }

    /** Joining (jitsi-meet passes this method in SET_PASSWORD when a password is typed at join). */
    join(): void {
        // Nothing to do: the store is driven by the test's actions.
    }

    lock(password: string): Promise<unknown> {
        if (!this.moderator) {
            return Promise.reject(new Error('You are not moderator.'));
        }
        this.lockedWith = password;

        return Promise.resolve();
    }

    kickParticipant(id: string): void {
        if (this.moderator && this.remotes.delete(id)) {
            this.kicked.push(id);
            this.onKick(id);
        }
    }

    getParticipants(): IJitsiParticipant[] {
        return [...this.remotes.values()].map(p => ({
            getId: () => p.id,
            getDisplayName: () => p.name,
            getRole: () => p.role,
        }));
    }

    sendTextMessage(text: string): void {
        this.messages.push(text);
    }

    stopRecording(sessionId: string): Promise<unknown> {
        this.stoppedSessions.push(sessionId);

        return Promise.resolve();
    }
}

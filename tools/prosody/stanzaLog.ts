/**
 * Every stanza a test client received, in order, and bounded waiting for the next one that matches:
 * a client's requests remember how many stanzas there were when they were sent, and wait for an
 * answer after that point.
 */
import type { Element } from '@xmpp/client';

/** A client's received stanzas. */
export class StanzaLog {
    readonly stanzas: Element[] = [];
    private readonly waiters: (() => void)[] = [];

    constructor(private readonly who: () => string) {}

    /** Where the log stands now (for `next`'s `since`). */
    get length(): number {
        return this.stanzas.length;
    }

    /** Adds a received stanza and wakes whoever waits. */
    add(stanza: Element): void {
        this.stanzas.push(stanza);
        this.waiters.splice(0).forEach(wake => wake());
    }

    /** Whether any stanza so far matches. */
    some(match: (stanza: Element) => boolean): boolean {
        return this.stanzas.some(match);
    }

    /** Waits (bounded) for a stanza that matches and came at or after `since`. */
    async next(match: (stanza: Element) => boolean, since: number, what: string, timeoutMs = 10000): Promise<Element> {
        const deadline = Date.now() + timeoutMs;

        for (;;) {
            const found = this.stanzas.slice(since).find(match);

            if (found) {
                return found;
            }
            const left = deadline - Date.now();

            if (left <= 0) {
                throw new Error(`${this.who()}: no ${what} within ${timeoutMs} ms`);
            }
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, left);

                this.waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
    }
}

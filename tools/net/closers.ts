/**
 * What a test deployment started, to stop again in reverse order: on its own stop, or when a later
 * part fails to start (nothing left running). A closer that fails does not keep the others from
 * running.
 */
export interface Closers {
    /** Remembers how to stop something that has started. */
    add(close: () => Promise<unknown>): void;
    /** Stops everything added so far, last first; running it again stops nothing twice. */
    closeAll(): Promise<void>;
}

export function closers(): Closers {
    const stack: (() => Promise<unknown>)[] = [];

    return {
        add: close => void stack.push(close),
        async closeAll() {
            for (const close of stack.splice(0).reverse()) {
                await close().catch(() => undefined);
            }
        },
    };
}

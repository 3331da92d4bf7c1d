/**
 * The stand-in's `external_api.js`: a `JitsiMeetExternalAPI` with the IFrame API's shape (commands,
 * events, getRoomsInfo, dispose). It embeds the stand-in's meeting page and talks to it with
 * postMessage, checking the origin both ways. Served compiled by tools/jitsi-standin/server.ts.
 */
type Listener = (payload: unknown) => void;

interface Options {
    roomName: string;
    configOverwrite?: unknown;
    interfaceConfigOverwrite?: unknown;
    userInfo?: { displayName?: string };
    lang?: string;
    parentNode?: HTMLElement;
}

type FrameMessage =
    | { type: 'ready' }
    | { type: 'event'; name: string; payload: unknown }
    | { type: 'response'; seq: number; result: unknown };

(() => {
    const script = document.currentScript as HTMLScriptElement | null;
    const origin = script ? new URL(script.src).origin : window.location.origin;
    let instances = 0;

    class JitsiMeetExternalAPI {
        private readonly listeners = new Map<string, Set<Listener>>();
        private readonly frame: HTMLIFrameElement;
        private readonly queue: unknown[] = [];
        private readonly pending = new Map<number, (result: unknown) => void>();
        private ready = false;
        private seq = 0;
        private readonly init: Omit<Options, 'parentNode'>;

        constructor(_domain: string, options: Options) {
            instances += 1;
            const { parentNode, ...init } = options;

            this.init = init;
            this.frame = document.createElement('iframe');
            this.frame.src = `${origin}/${encodeURIComponent(options.roomName)}`;
            this.frame.name = `jitsiConferenceFrame${instances}`;
            this.frame.allow = 'camera; microphone; display-capture';
            this.frame.style.width = '100%';
            this.frame.style.height = '100%';
            this.frame.style.border = '0';
            (parentNode ?? document.body).appendChild(this.frame);
            window.addEventListener('message', this.onMessage);
        }

        private readonly onMessage = (event: MessageEvent<FrameMessage>) => {
            if (event.origin !== origin || event.source !== this.frame.contentWindow) {
                return;
            }
            const message = event.data;

            if (message.type === 'ready') {
                this.ready = true;
                this.post({ type: 'init', options: this.init });
                this.queue.splice(0).forEach(queued => this.post(queued));
            } else if (message.type === 'event') {
                [...(this.listeners.get(message.name) ?? [])].forEach(listener => listener(message.payload));
            } else if (message.type === 'response') {
                this.pending.get(message.seq)?.(message.result);
                this.pending.delete(message.seq);
            }
        };

        private post(message: unknown): void {
            if (!this.ready) {
                this.queue.push(message);

                return;
            }
            this.frame.contentWindow?.postMessage(message, origin);
        }

        executeCommand(name: string, ...args: unknown[]): void {
            this.post({ type: 'command', name, args });
        }

        getRoomsInfo(): Promise<unknown> {
            this.seq += 1;
            const seq = this.seq;

            return new Promise(resolve => {
                this.pending.set(seq, resolve);
                this.post({ type: 'request', seq, name: 'getRoomsInfo' });
            });
        }

        addListener(event: string, listener: Listener): this {
            const set = this.listeners.get(event) ?? new Set<Listener>();

            set.add(listener);
            this.listeners.set(event, set);

            return this;
        }

        on(event: string, listener: Listener): this {
            return this.addListener(event, listener);
        }

        removeListener(event: string, listener: Listener): this {
            this.listeners.get(event)?.delete(listener);

            return this;
        }

        off(event: string, listener: Listener): this {
            return this.removeListener(event, listener);
        }

        getIFrame(): HTMLIFrameElement {
            return this.frame;
        }

        dispose(): void {
            window.removeEventListener('message', this.onMessage);
            this.listeners.clear();
            this.frame.remove();
        }
    }

    (window as unknown as { JitsiMeetExternalAPI: typeof JitsiMeetExternalAPI }).JitsiMeetExternalAPI =
        JitsiMeetExternalAPI;
})();

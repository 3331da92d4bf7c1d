// @xmpp/client ships no types: the narrow subset the server tests and the Jicofo model use.
declare module '@xmpp/client' {
    /** An XML element (ltx). */
    export interface Element {
        readonly name: string;
        readonly attrs: Readonly<Record<string, string | undefined>>;
        readonly children: readonly (Element | string)[];
        is(name: string, xmlns?: string): boolean;
        getChild(name: string, xmlns?: string): Element | undefined;
        getChildren(name: string, xmlns?: string): Element[];
        getChildText(name: string, xmlns?: string): string | null;
        getChildElements(): Element[];
    }

    /** What an IQ handler gets: the whole stanza and its one child element. */
    export interface IqContext {
        readonly stanza: Element;
        readonly element: Element;
    }

    /** Builds an element. */
    export function xml(
        name: string,
        attrs?: Record<string, string>,
        ...children: (Element | string | Element[])[]
    ): Element;

    export interface ClientOptions {
        service: string;
        domain: string;
        username?: string;
        password?: string;
        resource?: string;
    }

    export interface Client {
        start(): Promise<{ toString(): string }>;
        stop(): Promise<void>;
        send(element: Element): Promise<void>;
        on(event: 'stanza', listener: (stanza: Element) => void): void;
        on(event: 'error', listener: (error: unknown) => void): void;
        on(event: 'offline', listener: () => void): void;
        readonly iqCaller: { request(element: Element, timeoutMs?: number): Promise<Element> };
        /** Answers IQs: the handler returns the result's child, or an `error` element for an error reply. */
        readonly iqCallee: {
            set(xmlns: string, name: string, handler: (context: IqContext) => Element | Promise<Element>): void;
        };
        /** The automatic reconnection, on by default. */
        readonly reconnect: { stop(): void };
    }

    export function client(options: ClientOptions): Client;
}

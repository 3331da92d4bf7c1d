/** A minimal router over the History API: a handful of pages need no library. */
import React, {
    createContext,
    useCallback,
    useContext,
    useEffect,
    useState,
    type MouseEvent,
    type ReactNode,
} from 'react';

/** The portal's pages. */
export const PATHS = {
    start: '/',
    teacher: '/lehrkraft',
    student: '/beitreten',
    meeting: '/meeting',
    ended: '/ende',
    cleanup: '/bereinigen',
    policy: '/nutzungsordnung',
} as const;

interface Location {
    readonly path: string;
    readonly search: string;
}

interface RouterValue extends Location {
    readonly navigate: (to: string) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

function current(): Location {
    return { path: window.location.pathname, search: window.location.search };
}

/**
 * The location on arrival, with everything but `room` taken out of the address bar and history: a
 * link may carry a password or a token, which must not stay on a shared device (R4, R6). The portal's
 * pages read nothing else from the address.
 */
function scrubbedOnArrival(): Location {
    const room = new URLSearchParams(window.location.search).get('room');
    const kept = room === null ? '' : `?${new URLSearchParams({ room }).toString()}`;

    if (kept !== window.location.search || window.location.hash !== '') {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${kept}`);
    }

    return current();
}

/** Provides the current location and navigation. */
export function Router({ children }: { readonly children: ReactNode }) {
    const [location, setLocation] = useState<Location>(scrubbedOnArrival);

    useEffect(() => {
        const onPop = () => setLocation(current());

        window.addEventListener('popstate', onPop);

        return () => window.removeEventListener('popstate', onPop);
    }, []);
    const navigate = useCallback((to: string) => {
        window.history.pushState(null, '', to);
        setLocation(current());
        window.scrollTo?.(0, 0);
    }, []);

    return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>;
}

/** The current location and `navigate`. */
export function useRouter(): RouterValue {
    const value = useContext(RouterContext);

    if (!value) {
        throw new Error('useRouter outside <Router>');
    }

    return value;
}

/** A link that navigates without reloading (and still works as a link). */
export function Link({
    to,
    className,
    children,
}: {
    readonly to: string;
    readonly className?: string;
    readonly children: ReactNode;
}) {
    const { navigate } = useRouter();

    function onClick(event: MouseEvent<HTMLAnchorElement>) {
        if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
            event.preventDefault();
            navigate(to);
        }
    }

    return (
        <a href={to} className={className} onClick={onClick}>
            {children}
        </a>
    );
}

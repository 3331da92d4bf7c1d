import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props of {@link MeetingErrorBoundary}. */
interface MeetingErrorBoundaryProps {
    /** Shown instead of the meeting once it has failed. */
    readonly fallback: ReactNode;
    readonly children: ReactNode;
}

/**
 * Keeps a failing meeting view (e.g. a deployment's `external_api.js` whose constructor throws) from
 * blanking the whole portal: the rest of the page stays, with a message and a way on. Remount it
 * (a new `key`) to try again.
 */
export class MeetingErrorBoundary extends Component<MeetingErrorBoundaryProps, { readonly failed: boolean }> {
    override state = { failed: false };

    static getDerivedStateFromError(): { failed: boolean } {
        return { failed: true };
    }

    override componentDidCatch(error: Error, info: ErrorInfo): void {
        console.error('school-policy: the meeting view failed', error, info.componentStack);
    }

    override render(): ReactNode {
        return this.state.failed ? this.props.fallback : this.props.children;
    }
}

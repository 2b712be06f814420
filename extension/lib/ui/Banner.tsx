import type { ComponentChildren } from 'preact';

/** An error the user must see: announced at once (role=alert). Renders nothing without a message. */
export function ErrorBanner({ message, onDismiss }: { message: string | null; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div class="banner banner--error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" class="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/** The outcome of an async action, announced politely (role=status). Always rendered, so screen readers track it. */
export function StatusNote({ children }: { children?: ComponentChildren }) {
  return (
    <p class="status-note" role="status" aria-live="polite">
      {children}
    </p>
  );
}

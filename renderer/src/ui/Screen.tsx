import { useEffect, useRef, type ReactNode } from 'react';
import { takeHeadingFocus } from '@renderer/navigation/routes';

/** A screen's heading (focusable, so navigation can move focus to it) and its content. */
export function Screen({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Relational Review`;
    if (takeHeadingFocus()) heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {intro && <p className="lead">{intro}</p>}
      {children}
    </>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}

/** Polite announcement for things that went well; alert for things that did not. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'status-message' : 'visually-hidden'}>
      {message}
    </p>
  );
}

export function ErrorMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="error-summary">
      {message}
    </div>
  );
}

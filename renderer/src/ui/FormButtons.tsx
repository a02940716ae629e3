/** Save and cancel, the same on every form. */
export function FormButtons({ saveLabel, cancelHref, busy }: { saveLabel: string; cancelHref: string; busy: boolean }) {
  return (
    <div className="form-buttons">
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : saveLabel}
      </button>
      <a href={cancelHref} className="button button--link">
        Cancel
      </a>
    </div>
  );
}

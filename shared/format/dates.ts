/** British dates in the UK's time zone, whatever the machine is set to. */
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
  timeZoneName: 'short',
});

/** 21 November 2026 */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));

/** 21 November 2026 at 14:05 GMT, or BST in summer: a time read years later names its zone. */
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

/** An ISO time as a datetime-local input's value, in this computer's time. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

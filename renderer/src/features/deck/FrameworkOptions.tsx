import { FRAMEWORKS } from '@shared/deck/schema';
import { frameworkLabel } from './labels';

/** The frameworks as options of a select, after a first option that stands for none chosen. */
export function FrameworkOptions({ none }: { none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {FRAMEWORKS.map((f) => (
        <option key={f.id} value={f.id}>
          {frameworkLabel(f.id)}
        </option>
      ))}
    </>
  );
}

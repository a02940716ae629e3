import type { ReactNode } from 'react';
import type { MethodName, MethodOutput } from '@shared/api/contract';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';

type GetMethod = 'organisations.get' | 'homes.get' | 'placements.get' | 'people.get' | 'reviews.get';

/**
 * The page around a form: "Add …" for a new record, "Change …" once the record has loaded.
 */
export function EditorPage<M extends GetMethod>(props: {
  id?: string;
  get: M;
  addTitle: string;
  editTitle: (record: MethodOutput<M>) => string;
  children: (record: MethodOutput<M> | undefined) => ReactNode;
}) {
  if (!props.id) {
    return <Screen title={props.addTitle}>{props.children(undefined)}</Screen>;
  }
  return <LoadedEditor {...props} id={props.id} />;
}

function LoadedEditor<M extends GetMethod>(props: Parameters<typeof EditorPage<M>>[0] & { id: string }) {
  const record = useApiQuery(props.get as MethodName as 'homes.get', { id: props.id });
  if (record.status === 'error') return <ErrorMessage message={failureOf(record)} />;
  if (record.status === 'pending') return <p role="status">Loading…</p>;
  const data = record.data as MethodOutput<M>;
  return <Screen title={props.editTitle(data)}>{props.children(data)}</Screen>;
}

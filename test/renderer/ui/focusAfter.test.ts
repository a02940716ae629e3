import { expect, test } from 'vitest';
import { focusAfter } from '@renderer/ui/focusAfter';

function page() {
  document.body.innerHTML =
    '<button id="pressed">Use this card</button><h4 id="card" tabindex="-1">Card</h4><textarea id="note"></textarea>';
  const get = (id: string) => document.getElementById(id)!;
  return { pressed: get('pressed'), card: get('card'), note: get('note') };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

test('moves the keyboard on once the action is done, from the button pressed or from a button that went away', async () => {
  const { pressed, card } = page();
  pressed.focus();
  focusAfter(Promise.resolve(true), () => card);
  await settle();
  expect(document.activeElement).toBe(card);

  pressed.focus();
  focusAfter(Promise.resolve(true), () => card);
  pressed.remove();
  await settle();
  expect(document.activeElement).toBe(card);
});

test('leaves the keyboard where the person took it while the action ran, and stays put when the action failed', async () => {
  const { pressed, card, note } = page();
  pressed.focus();
  let finish!: (ok: boolean) => void;
  focusAfter(new Promise<boolean>((resolve) => (finish = resolve)), () => card);
  note.focus(); // a note opened and typed into before the call came back
  finish(true);
  await settle();
  expect(document.activeElement).toBe(note);

  pressed.focus();
  focusAfter(Promise.resolve(false), () => card);
  await settle();
  expect(document.activeElement).toBe(pressed);
});

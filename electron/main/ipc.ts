import { ipcMain } from 'electron';
import type { ApiResult } from '@shared/api/errors';
import { ipcChannels } from '@shared/api/transport';
import type { Core } from '@core/core';
import { isTrustedSender } from './security-policy';

const unauthorised: ApiResult<never> = {
  ok: false,
  error: { code: 'unauthorised', message: 'This request did not come from the app’s own window.' },
};

/** The one IPC channel: every call goes to the core's router, after the sender is checked. */
export function handleCalls(core: Core, devOrigin?: string): void {
  ipcMain.handle(ipcChannels.call, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const sender = frame && {
      url: frame.url,
      isTopFrame:
        !frame.detached && frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId,
    };
    if (!isTrustedSender(sender, devOrigin)) return unauthorised;
    return core.router.call(String(method), input);
  });
}

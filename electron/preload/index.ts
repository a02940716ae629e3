import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '@shared/api/errors';
import type { ServerEvent } from '@shared/api/events';
import { bridgeName, ipcChannels, type Transport } from '@shared/api/transport';

// The renderer gets these two functions and nothing else: never ipcRenderer or an IPC event.
const transport: Transport = {
  call(method, input) {
    return ipcRenderer.invoke(ipcChannels.call, method, input) as Promise<ApiResult<unknown>>;
  },
  subscribe(eventName, handler) {
    const listener = (_event: IpcRendererEvent, event: ServerEvent) => {
      if (event.name === eventName) handler(event.data as Parameters<typeof handler>[0]);
    };
    ipcRenderer.on(ipcChannels.event, listener);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, listener);
    };
  },
};

contextBridge.exposeInMainWorld(bridgeName, transport);

import type { AppInfo, appMethods } from '@shared/app/contract';
import { verifyAudit } from '@core/audit';
import type { ServiceContext } from '@core/context';
import type { Handlers } from '@core/router';

/** About this installation, and the audit trail's own check. */
export function appHandlers(context: ServiceContext, info: AppInfo): Pick<Handlers, keyof typeof appMethods> {
  return {
    'app.info': () => ({ ...info, schemaVersion: info.schemaVersion }),
    'audit.verify': () => verifyAudit(context),
  };
}

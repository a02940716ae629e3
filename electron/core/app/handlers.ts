import type { AppInfo, appMethods } from '@shared/app/contract';
import { verifyAudit } from '@core/audit';
import type { AuditAnchor } from '@core/audit-anchor';
import { checkSealedHeads } from '@core/audit-seals';
import type { ServiceContext } from '@core/context';
import type { Handlers } from '@core/router';

/** About this installation, and the audit trail's own check. */
export function appHandlers(
  context: ServiceContext,
  info: AppInfo,
  anchor: AuditAnchor,
): Pick<Handlers, keyof typeof appMethods> {
  return {
    'app.info': () => ({ ...info, schemaVersion: info.schemaVersion }),
    'audit.verify': () => {
      const anchored = anchor.check(context);
      return {
        ...verifyAudit(context),
        anchor: { held: anchored.held, reason: anchored.held ? null : anchored.reason },
        seals: checkSealedHeads(context),
      };
    },
  };
}

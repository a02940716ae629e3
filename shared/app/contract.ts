import { method, noInput, returns } from '@shared/api/define';

export interface AppInfo {
  appName: string;
  version: string;
  dataDir: string;
  caseBookFile: string;
  /** The case book's format; null while it is locked. */
  schemaVersion: number | null;
}

export interface AuditVerification {
  entries: number;
  firstBroken: { seq: number; at: string; action: string; reason: string } | null;
  /** Whether the chain still reaches the head anchored beside the case book; why not, when not. */
  anchor: { held: boolean; reason: string | null };
  /**
   * Sealed versions whose signed record of the trail (the entry it had reached when they were
   * sealed) was checked, and those whose entry the trail no longer holds (seq null: the record
   * could not be read).
   */
  seals: { checked: number; notHeld: { title: string; version: number; seq: number | null }[] };
}

/** About the installation, and the audit trail's own check. */
export const appMethods = {
  'app.info': method(
    'reads',
    'About this installation: version and where its data lives.',
    noInput,
    returns<AppInfo>(),
  ),
  'audit.verify': method(
    'reads',
    'Check the audit trail: every entry as written, each linked to the one before.',
    noInput,
    returns<AuditVerification>(),
  ),
};

import type { Db } from '../../env';
import { auditLog } from '../schema';

export interface AuditEntry {
  accountId: string | null;
  tokenId?: string | null;
  action: string;
  subject?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

/** An insert to batch with the change it describes, so the log and the change land together. */
export function audit(db: Db, entry: AuditEntry, now = Date.now()) {
  return db.insert(auditLog).values({
    at: now,
    accountId: entry.accountId,
    tokenId: entry.tokenId ?? null,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: entry.detail ?? null,
  });
}

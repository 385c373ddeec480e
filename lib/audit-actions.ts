// The actions the audit log records, with the words the audit filter and table show for them.
// A code missing here (a new action) still shows, as its code turned into words.

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "user.training_on": "User put in training",
  "user.training_off": "User taken out of training",
  "branch.training_on": "Branch put in training",
  "branch.training_off": "Branch taken out of training",
  "training.wipe": "Training data wiped",
  "branch.create": "Branch created",
  "branch.update": "Branch changed",
  "card.block": "Card blocked",
  "job.create": "Card requested",
  "job.submitted": "Card sent to D1",
  "job.submission_failed": "Card could not be sent to D1",
  "job.cancel": "Card request canceled",
  "job.move": "Card request moved to another station",
  "job.close": "Card request closed",
  "job.hand_over": "Card handed over",
  "job.retry_activation": "Card activation retried",
  "job.d1_status": "D1 reported a production step",
  "job.produced_after_cancel": "Card printed after its request was canceled (to destroy)",
  "job.approve": "Card request approved",
  "job.reject": "Card request not approved",
  "approval_settings.update": "Approval rules changed",
  "stock.received": "Blank cards received into the vault",
  "stock.loaded": "Blank cards loaded into a station",
  "stock.spoiled": "Card spoiled",
  "stock.destroyed": "Spoiled cards destroyed",
  "stock_type.create": "Stock type added",
  "stock_type.rename": "Stock type renamed",
  "stock_type.deactivate": "Stock type deactivated",
  "stock_type.activate": "Stock type reactivated",
  "station.low_stock_threshold": "Station's low-stock threshold changed",
  "stock.count": "End-of-day count",
  "stock.count_difference": "End-of-day count with a difference",
  "stock.count_explained": "End-of-day difference explained",
  "product.create": "Product created",
  "product.update": "Product changed",
  "product.retire": "Product retired",
  "product.reinstate": "Product offered again",
  "product.delete": "Product deleted",
  "station.register": "Station registered",
  "station.rename": "Station renamed",
  "station.verify": "Station verified (test card confirmed by hand)",
  "station.test_card": "Test card sent to a new station",
  "station.verified_by_test_card": "Station verified (its test card was produced)",
  "station.delete": "Station deleted",
  "station.enable": "Station enabled",
  "station.disable": "Station disabled",
  "station.set_default": "Default station chosen",
  "station.problem_cleared": "Station problem marked solved",
  "sso_group.create": "SSO group mapped",
  "sso_group.update": "SSO group changed",
  "sso_group.delete": "SSO group removed",
  "user.create": "User created",
  "user.update": "User changed",
  "user.deactivate": "User deactivated",
  "user.reactivate": "User reactivated",
  "user.reset_password": "Password reset",
  "user.change_password": "Password changed",
};

/** "stock.receive" → "Stock receive" for a code without a label. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The filter's choices, sorted by what they say. */
export const AUDIT_ACTION_CHOICES = Object.entries(AUDIT_ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

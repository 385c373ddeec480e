// What the audit log keeps of each entity: the fields an admin or manager can change, never
// secrets (password hashes) or image bytes.
import type { CardProduct } from "@/db/schema";
import type { AdminUser } from "@/db/queries/users";

export function productSnapshot(p: CardProduct & { branchIds: string[] }) {
  return {
    name: p.name,
    d1CardProductId: p.d1CardProductId,
    bin: p.bin,
    panLength: p.panLength,
    expiryMonths: p.expiryMonths,
    services: p.services,
    paymentApplication: p.paymentApplication,
    embossRules: p.embossRules,
    cardFaceImage: p.cardFaceImage,
    active: p.active,
    branchIds: [...p.branchIds].sort(),
    // Who may have it and whether the counter asks for the account: audited like the rest.
    minAge: p.minAge,
    maxAge: p.maxAge,
    customerTypes: p.customerTypes,
    needsAccount: p.needsAccount,
    needsApproval: p.needsApproval,
    stockTypeId: p.stockTypeId,
    isTestProduct: p.isTestProduct,
  };
}

export function userSnapshot(u: Pick<AdminUser, "name" | "email" | "role" | "branchId" | "active">) {
  return { name: u.name, email: u.email, role: u.role, branchId: u.branchId, active: u.active };
}

import type { Role } from "@/lib/vocabulary";

declare module "next-auth" {
  interface User {
    role: Role;
    branchId: string | null;
    sessionVersion: number;
  }
  interface Session {
    user: {
      id: string;
      name: string;
      email: string;
      role: Role;
      branchId: string | null;
      sessionVersion: number;
      /** The server-side session record (user_sessions.id). */
      sessionId: string | null;
    };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    branchId?: string | null;
    sv?: number;
    /** Session record id, set at sign-in. */
    sid?: string;
  }
}

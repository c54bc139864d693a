import "next-auth";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user_sessions row this token signs in (server/auth/sessions.ts). */
    sid?: string;
  }
}

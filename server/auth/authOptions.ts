// next-auth configuration: email + password credentials, JWT sessions. The
// JWT carries only the user id; everything else is read from the database.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../../lib/limits";
import { getPrisma } from "../db/prisma";
import { burnPasswordCheck, verifyPassword } from "./password";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});


export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await getPrisma().user.findUnique({ where: { email: parsed.data.email } });
        if (!user) {
          await burnPasswordCheck(parsed.data.password);
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
        // A disabled account is refused like a wrong password (after the same work).
        if (user.disabledAt) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // At sign-in the token gets a session row of its own: that row, not the
    // token's signature alone, decides whether the cookie still signs anyone in.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (await createSession(user.id)).id;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    // Sign-out ends this session on the server: its cookie then gets 401 and its sockets close (4401).
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};

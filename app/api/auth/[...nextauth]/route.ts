import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/authOptions";
import { authPostHandler } from "@/server/auth/authRouteHandler";

const handler = NextAuth(authOptions);

export const GET = handler;
// Bounded body and sign-in throttling before next-auth sees the request.
export const POST = authPostHandler(handler);

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/SignInForm";
import { safeReturnPath } from "@/lib/safeReturnPath";
import { getCurrentUser } from "@/server/auth/currentUser";
import { shouldShowDemoCredentials } from "@/server/seed/demoCredentialsVisibility";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <main id="main" className="signin-page">
      <div className="signin-card">
        <h1>Newsroom</h1>
        <p className="lede">Sign in to write, review and publish.</p>
        <SignInForm returnTo={returnTo} showDemoHint={shouldShowDemoCredentials()} />
      </div>
    </main>
  );
}

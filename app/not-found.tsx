import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="signin-page">
      <div className="signin-card">
        <h1>Not found</h1>
        <p className="lede">This page doesn't exist, or you don't have access to it.</p>
        <Link href="/" className="button primary">
          Back to documents
        </Link>
      </div>
    </main>
  );
}

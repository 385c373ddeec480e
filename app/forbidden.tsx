import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">This page is not part of your role</h1>
      <p className="mt-2 text-slate-700">
        Your account does not give access to this page. If you need it for your work, ask an administrator.
      </p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
